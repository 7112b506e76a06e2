using CyberReview.Web.Features.Cases;

namespace CyberReview.Web.Features.Registry;

/// <summary>How often results are checked for the end of their validity.</summary>
public sealed class RegistryExpiryOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Expires results when their validity ends, so the registry never shows a lapsed result as valid: at start-up and
/// then every <see cref="RegistryExpiryOptions.Interval"/>. A failed sweep is logged and tried again at the next tick.
/// </summary>
public sealed partial class RegistryExpiry(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<RegistryExpiryOptions> options, ILogger<RegistryExpiry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<CaseCommands>().ExpireEndedAsync(stoppingToken);
                if (expired > 0)
                    LogExpired(expired);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "{Count} result(s) reached the end of their validity and expired.")]
    private partial void LogExpired(int count);

    [LoggerMessage(LogLevel.Error, "The sweep for expired results failed; it runs again at the next interval.")]
    private partial void LogFailed(Exception error);
}
