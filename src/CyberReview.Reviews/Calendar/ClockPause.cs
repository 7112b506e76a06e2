namespace CyberReview.Reviews.Calendar;

/// <summary>
/// A time during which a <see cref="CaseClock"/> stood still because the case waited on the provider.
/// The working days after <see cref="PausedOn"/> up to and including <see cref="ResumedOn"/> do not count:
/// the day the office asks is a day its clock ran, and the day the provider's answer arrives is, like the
/// day a case is received, not counted; counting resumes the day after.
/// </summary>
/// <param name="PausedOn">The day the clock stopped (the request went to the provider).</param>
/// <param name="ResumedOn">The day the clock restarted (the answer arrived), or null while the case still waits.</param>
public readonly record struct ClockPause(DateOnly PausedOn, DateOnly? ResumedOn)
{
    /// <summary>Whether the case still waits on the provider.</summary>
    public bool IsOpen => ResumedOn is null;
}
