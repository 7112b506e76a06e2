using CyberReview.Fuzz;
using SharpFuzz;

// dotnet CyberReview.Fuzz.dll TARGET          under afl-fuzz (fuzz/run.sh)
// dotnet CyberReview.Fuzz.dll TARGET FILE...  replays inputs, e.g. a crash AFL++ found
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: TARGET [FILE...]; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}
if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        using var stream = File.OpenRead(file);
        target(stream);
        Console.WriteLine($"{file}: handled");
    }
    return 0;
}
Fuzzer.OutOfProcess.Run(target);
return 0;
