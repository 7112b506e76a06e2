using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CyberReview.Reviews.Evaluation;

/// <summary>
/// The plan of one evaluation activity (Measures, Art. 3): what every kind has (scope, method, planned schedule)
/// and what its kind adds. Fields of other kinds stay empty; <see cref="Problems"/> says what is wrong with a plan.
/// </summary>
public sealed partial record ActivityPlan
{
    /// <summary>The longest one-line text: an address, a location, a list entry.</summary>
    public const int MaxLineLength = 300;

    /// <summary>The longest descriptive text: scope, method, environment, premises.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The most entries in a list (targets, subjects, sources).</summary>
    public const int MaxEntries = 100;

    private static readonly PlanField[] Common = [PlanField.Scope, PlanField.Method, PlanField.PlannedStart, PlanField.PlannedEnd];

    public required ActivityKind Kind { get; init; }
    public string? Scope { get; init; }
    public string? Method { get; init; }
    public DateOnly? PlannedStart { get; init; }
    public DateOnly? PlannedEnd { get; init; }
    public string? TestEnvironment { get; init; }
    public string? LaboratoryLocation { get; init; }
    public string? SiteAddress { get; init; }
    public string? Premises { get; init; }
    public IReadOnlyList<string> Targets { get; init; } = [];
    public DateOnly? MonitoringFrom { get; init; }
    public DateOnly? MonitoringUntil { get; init; }
    public IReadOnlyList<string> Subjects { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The fields a plan of this kind has, every one of them required, in the order a form shows them.</summary>
    public static IReadOnlyList<PlanField> FieldsOf(ActivityKind kind)
    {
        PlanField[] own = kind switch
        {
            ActivityKind.LaboratoryTesting => [PlanField.TestEnvironment, PlanField.LaboratoryLocation],
            ActivityKind.OnSiteInspection => [PlanField.SiteAddress, PlanField.Premises],
            ActivityKind.OnlineMonitoring => [PlanField.Targets, PlanField.MonitoringFrom, PlanField.MonitoringUntil],
            ActivityKind.BackgroundInvestigation => [PlanField.Subjects, PlanField.Sources],
        };
        return [.. Common, .. own];
    }

    /// <summary>The longest text a field takes; for lists, the longest entry.</summary>
    public static int MaxLengthOf(PlanField field) => field switch
    {
        PlanField.Scope or PlanField.Method or PlanField.TestEnvironment or PlanField.Premises => MaxTextLength,
        PlanField.LaboratoryLocation or PlanField.SiteAddress or PlanField.Targets or PlanField.Subjects or PlanField.Sources => MaxLineLength,
        PlanField.PlannedStart or PlanField.PlannedEnd or PlanField.MonitoringFrom or PlanField.MonitoringUntil => 0,
    };

    /// <summary>Whether the field holds a list of one-line entries.</summary>
    public static bool IsList(PlanField field) => field is PlanField.Targets or PlanField.Subjects or PlanField.Sources;

    /// <summary>Whether the field holds a day.</summary>
    public static bool IsDay(PlanField field) => field is PlanField.PlannedStart or PlanField.PlannedEnd or PlanField.MonitoringFrom or PlanField.MonitoringUntil;

    /// <summary>Everything wrong with the plan, field by field; empty when it is complete and consistent.</summary>
    public IReadOnlyList<PlanProblem> Problems()
    {
        var problems = new List<PlanProblem>();
        var fields = FieldsOf(Kind);
        foreach (var field in Enum.GetValues<PlanField>())
        {
            var given = IsGiven(field);
            if (!fields.Contains(field))
            {
                if (given)
                    problems.Add(new PlanProblem.NotForKind(field, Kind));
                continue;
            }
            if (!given)
            {
                problems.Add(new PlanProblem.Missing(field));
                continue;
            }
            if (IsList(field))
            {
                var entries = ListOf(field);
                if (entries.Count > MaxEntries)
                    problems.Add(new PlanProblem.TooMany(field, MaxEntries));
                if (entries.Any(e => e.Length > MaxLengthOf(field)))
                    problems.Add(new PlanProblem.TooLong(field, MaxLengthOf(field)));
            }
            else if (!IsDay(field) && TextOf(field)!.Length > MaxLengthOf(field))
            {
                problems.Add(new PlanProblem.TooLong(field, MaxLengthOf(field)));
            }
        }
        if (PlannedStart is { } start && PlannedEnd is { } end && end < start)
            problems.Add(new PlanProblem.EndsBeforeStart(PlanField.PlannedEnd, PlanField.PlannedStart));
        if (Kind == ActivityKind.OnlineMonitoring)
            problems.AddRange(MonitoringProblems());
        return problems;
    }

    /// <summary>
    /// Whether a monitoring target names something on the network: a URL with a host, an IP address or network
    /// (CIDR), or a host name, optionally with a port (a leading <c>*.</c> covers a domain's hosts).
    /// </summary>
    public static bool IsTarget(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var target = value.Trim();
        if (target.Length == 0 || target.Any(char.IsWhiteSpace))
            return false;
        if (target.Contains("://", StringComparison.Ordinal))
            return Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && !uri.IsFile;
        if (target.Split('/') is [var address, var prefix] && IPAddress.TryParse(address, out var network))
        {
            var bits = network.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
            return int.TryParse(prefix, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= bits;
        }
        if (target.Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(target, out _))
            return true;
        if (HostPattern().Match(target) is not { Success: true } host)
            return false;
        return !host.Groups["port"].Success || int.Parse(host.Groups["port"].Value, CultureInfo.InvariantCulture) is > 0 and <= 65535;
    }

    private IEnumerable<PlanProblem> MonitoringProblems()
    {
        foreach (var target in Targets.Where(t => !string.IsNullOrWhiteSpace(t) && t.Length <= MaxLineLength && !IsTarget(t)))
            yield return new PlanProblem.NotATarget(target);
        if (MonitoringFrom is { } from && MonitoringUntil is { } until && until < from)
            yield return new PlanProblem.EndsBeforeStart(PlanField.MonitoringUntil, PlanField.MonitoringFrom);
        // Live observation happens within the activity's schedule, which also holds set-up and analysis.
        if (MonitoringFrom is { } first && (first < PlannedStart || first > PlannedEnd))
            yield return new PlanProblem.OutsideSchedule(PlanField.MonitoringFrom);
        if (MonitoringUntil is { } last && (last < PlannedStart || last > PlannedEnd))
            yield return new PlanProblem.OutsideSchedule(PlanField.MonitoringUntil);
    }

    private bool IsGiven(PlanField field) =>
        IsDay(field) ? DayOf(field) is not null
        : IsList(field) ? ListOf(field).Any(entry => !string.IsNullOrWhiteSpace(entry))
        : !string.IsNullOrWhiteSpace(TextOf(field));

    /// <summary>The text of a one-value text field.</summary>
    public string? TextOf(PlanField field) => field switch
    {
        PlanField.Scope => Scope,
        PlanField.Method => Method,
        PlanField.TestEnvironment => TestEnvironment,
        PlanField.LaboratoryLocation => LaboratoryLocation,
        PlanField.SiteAddress => SiteAddress,
        PlanField.Premises => Premises,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a text field."),
    };

    /// <summary>The day of a day field.</summary>
    public DateOnly? DayOf(PlanField field) => field switch
    {
        PlanField.PlannedStart => PlannedStart,
        PlanField.PlannedEnd => PlannedEnd,
        PlanField.MonitoringFrom => MonitoringFrom,
        PlanField.MonitoringUntil => MonitoringUntil,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a day field."),
    };

    /// <summary>The entries of a list field.</summary>
    public IReadOnlyList<string> ListOf(PlanField field) => field switch
    {
        PlanField.Targets => Targets,
        PlanField.Subjects => Subjects,
        PlanField.Sources => Sources,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a list field."),
    };

    [GeneratedRegex(@"^(\*\.)?(?=.{1,253}(:|$))[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:(?<port>[0-9]{1,5}))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();
}
