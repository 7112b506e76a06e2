using CyberReview.Bench;

// dotnet run -c Release --project bench/CyberReview.Bench -- cases [--cases 100000] [--engine sqlite|postgres|both]
// dotnet run -c Release --project bench/CyberReview.Bench -- vault [--megabytes 500]
// dotnet run -c Release --project bench/CyberReview.Bench -- uploads [--megabytes 64]
// dotnet run -c Release --project bench/CyberReview.Bench -- sbom [--rounds 5]
// dotnet run -c Release --project bench/CyberReview.Bench -- portfolio [--sboms 10000]
// dotnet run -c Release --project bench/CyberReview.Bench -- procurement [--versions 1000000] [--engine sqlite|postgres] [--seconds 10] [--connections 64]
// dotnet run -c Release --project bench/CyberReview.Bench -- log [--entries 10000000] [--batch 10000] [--engine sqlite|postgres|both]
// PostgreSQL: set CYBERREVIEW_TEST_POSTGRES to a base connection string (a scratch database is created and dropped).
var arguments = args.ToList();
string Option(string name, string fallback) => arguments.IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : fallback;

switch (arguments.FirstOrDefault())
{
    case "cases":
        var count = int.Parse(Option("--cases", "100000"), System.Globalization.CultureInfo.InvariantCulture);
        var engines = Option("--engine", "both") switch
        {
            "sqlite" => new[] { "Sqlite" },
            "postgres" => ["Postgres"],
            _ => ["Sqlite", "Postgres"],
        };
        foreach (var engine in engines)
            await CaseListBenchmark.RunAsync(engine, count);
        return 0;
    case "log":
        var logEngines = Option("--engine", "sqlite") switch
        {
            "postgres" => new[] { "Postgres" },
            "both" => ["Sqlite", "Postgres"],
            _ => ["Sqlite"],
        };
        foreach (var engine in logEngines)
            await LogBenchmark.RunAsync(engine, long.Parse(Option("--entries", "10000000"), System.Globalization.CultureInfo.InvariantCulture), int.Parse(Option("--batch", "10000"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "vault":
        await VaultBenchmark.RunAsync(long.Parse(Option("--megabytes", "500"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "uploads":
        await UploadAbuseBenchmark.RunAsync(long.Parse(Option("--megabytes", "64"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "sbom":
        SbomBenchmark.Run(int.Parse(Option("--rounds", "5"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "portfolio":
        PortfolioBenchmark.Run(int.Parse(Option("--sboms", "10000"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "procurement":
        return await ProcurementBenchmark.RunAsync(Option("--engine", "sqlite") == "postgres" ? "Postgres" : "Sqlite",
            int.Parse(Option("--versions", "1000000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--seconds", "10"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Option("--connections", "64"), System.Globalization.CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine("usage: cases [--cases N] [--engine sqlite|postgres|both] | vault [--megabytes N] | uploads [--megabytes N] | sbom [--rounds N] | portfolio [--sboms N] | procurement [--versions N] [--engine sqlite|postgres] [--seconds N] [--connections N] | log [--entries N] [--batch N] [--engine sqlite|postgres|both]");
        return 2;
}
