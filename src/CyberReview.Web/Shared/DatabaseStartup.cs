using CyberReview.Data;
using CyberReview.Data.Demo;
using CyberReview.Data.Signatures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CyberReview.Web.Shared;

internal static class DatabaseStartup
{
    public static void AddCyberReviewDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddReviewDatabase(options);
        builder.Services.AddReviewSigning();
    }

    /// <summary>
    /// The embedded default migrates itself and seeds the demo on a new database; a PostgreSQL
    /// installation is migrated by its operator, and the app refuses to start on a schema that is behind.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CyberReview.Startup");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                var applied = await db.MigrateAsync();
                if (applied.Count > 0)
                    logger.LogInformation("Applied {Count} migration(s) to {DataDirectory}", applied.Count, options.DataDirectory);
                if (app.Configuration.GetValue("Demo:SeedOnFirstStart", false))
                    await SeedDemoAsync(scope.ServiceProvider, options, logger);
            }
            else
            {
                await db.EnsureUpToDateAsync();
            }
        }
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, options));
    }

    private static async Task SeedDemoAsync(IServiceProvider services, DatabaseOptions options, ILogger logger)
    {
        if (await DemoSeeding.SeedAsync(services) is DemoSeedResult.Seeded seeded)
        {
            DemoSignInFile.Save(options.DataDirectory, seeded.SignIns);
            logger.LogInformation("Loaded the demo data into the new database");
        }
    }

    private static void PrintWelcome(WebApplication app, DatabaseOptions options)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var signIns = options.Provider == DatabaseProvider.Sqlite ? DemoSignInFile.Load(options.DataDirectory) : [];
        var text = new System.Text.StringBuilder();
        text.AppendLine().AppendLine("CyberReview is running.");
        foreach (var address in addresses)
            text.Append("  Browse to ").AppendLine(address);
        text.Append("  Database: ").Append(options.Provider).Append(options.Provider == DatabaseProvider.Sqlite ? $" in {options.DataDirectory}" : "").AppendLine();
        if (signIns.Count > 0)
            text.AppendLine("  Demo sign-ins (role, e-mail, password, authenticator key for two-step sign-in):").Append(DemoSignInFile.Format(signIns));
        Console.WriteLine(text.ToString());
    }
}
