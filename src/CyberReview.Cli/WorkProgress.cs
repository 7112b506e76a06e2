using Spectre.Console;

namespace CyberReview.Cli;

/// <summary>
/// Shows the steps of long work as progress bars on standard error when it is a terminal, and nothing otherwise, so
/// that piped output and tests stay clean.
/// </summary>
internal sealed class WorkProgress
{
    private readonly ProgressContext? _context;

    private WorkProgress(ProgressContext? context) => _context = context;

    /// <summary>Runs <paramref name="work"/> with bars when <paramref name="console"/> is the process's own terminal.</summary>
    public static Task<T> RunAsync<T>(CliConsole console, Func<WorkProgress, Task<T>> work)
    {
        var interactive = ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;
        if (!interactive)
            return work(new WorkProgress(null));
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new WorkProgress(context)));
    }

    /// <summary>A step of the work: of known size when <paramref name="total"/> is given, else indeterminate.</summary>
    public Step Start(string description, double? total = null)
    {
        if (_context is null)
            return new Step(null);
        var task = _context.AddTask(Markup.Escape(description), maxValue: total ?? 1);
        task.IsIndeterminate = total is null;
        return new Step(task);
    }

    /// <summary>One bar; does nothing when no bars are shown.</summary>
    internal sealed class Step(ProgressTask? task)
    {
        public void Advance(double amount = 1) => task?.Increment(amount);

        public void Describe(string description)
        {
            if (task is not null)
                task.Description = Markup.Escape(description);
        }

        public void Complete()
        {
            if (task is null)
                return;
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
