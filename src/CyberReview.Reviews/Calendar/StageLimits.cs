namespace CyberReview.Reviews.Calendar;

/// <summary>
/// The time limits of the stages of a review, in working days, with the defaults of the final
/// Cybersecurity Review Measures (网络安全审查办法, 2021). Time spent waiting for material from the provider
/// does not count against any of them (see <see cref="CaseClock"/>). A plain settable record so that
/// configuration can bind onto it; every value is meant to be positive, and <see cref="CaseClock"/>
/// refuses a negative one.
/// </summary>
public sealed record StageLimits
{
    /// <summary>Deciding whether a review is required, from receipt of the application: 10 working days.</summary>
    public int Screening { get; set; } = 10;

    /// <summary>The preliminary review, from the written notice that a review is required: 30 working days.</summary>
    public int PreliminaryReview { get; set; } = 30;

    /// <summary>What a complex case adds to the preliminary review: 15 working days.</summary>
    public int ComplexCaseExtension { get; set; } = 15;

    /// <summary>The member departments' written opinions on the recommended conclusion: 15 working days.</summary>
    public int MemberDepartmentOpinions { get; set; } = 15;

    /// <summary>The special review procedure, when opinions differ: 90 working days.</summary>
    public int SpecialReview { get; set; } = 90;
}
