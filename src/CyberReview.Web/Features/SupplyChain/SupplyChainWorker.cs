using CyberReview.Data;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Sboms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// Runs the supply-chain jobs one at a time, each in a scope of its own. At start it queues again every analysis a
/// restart interrupted (Queued or Running in the database); several instances may do so at once, and the claim in
/// <see cref="SbomAnalyst"/> lets only one of them run each.
/// </summary>
internal sealed partial class SupplyChainWorker(SupplyChainJobs queue, IServiceScopeFactory scopes, IOptions<SupplyChainOptions> options, ILogger<SupplyChainWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RequeueUnfinishedAsync(stoppingToken);
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                switch (job)
                {
                    case SupplyChainJob.Analyse analyse:
                        await scope.ServiceProvider.GetRequiredService<SbomAnalyst>().RunAsync(analyse.SbomId, stoppingToken);
                        break;
                    case SupplyChainJob.Rematch rematch:
                        var services = scope.ServiceProvider;
                        var result = await AdvisoryMonitor.RematchAsync(services.GetRequiredService<ReviewDbContext>(), rematch.ChangedAdvisories,
                            options.Value.AlertSeverity, services.GetRequiredService<TimeProvider>().GetUtcNow(), null, stoppingToken);
                        Log.Rematched(logger, rematch.ChangedAdvisories.Count, result.VersionsMonitored, result.AlertsRaised);
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One job's failure must not stop the worker; an analysis records its own failure before it gets here.
                Log.JobFailed(logger, e, job.GetType().Name);
            }
            finally
            {
                queue.Finished();
            }
        }
    }

    private async Task RequeueUnfinishedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
            var unfinished = await db.ProductSboms.Where(s => s.Status == SbomAnalysisStatus.Queued || s.Status == SbomAnalysisStatus.Running)
                .OrderBy(s => s.UploadedAt).Select(s => s.Id).ToListAsync(cancellationToken);
            foreach (var id in unfinished)
                queue.Enqueue(new SupplyChainJob.Analyse(id));
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // A database not yet migrated (or not reachable) at start: the analyses wait for the next start.
            Log.RequeueFailed(logger, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A supply-chain job ({Job}) failed")]
        public static partial void JobFailed(ILogger logger, Exception exception, string job);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Unfinished SBOM analyses could not be queued again at start")]
        public static partial void RequeueFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring re-matched {Advisories} changed advisories against {Versions} published versions: {Alerts} new alerts")]
        public static partial void Rematched(ILogger logger, int advisories, int versions, int alerts);
    }
}
