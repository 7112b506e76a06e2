using CyberReview.Reviews.Calendar;

namespace CyberReview.Reviews.Tests.Calendar;

/// <summary>
/// The clock of a case stage on the 2026 arrangement for mainland China (see <see cref="WorkingDayCalendarTests"/>
/// for the days off and make-up working days).
/// </summary>
public sealed class CaseClockTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.MainlandChina();

    // Screening received Mon 5 Jan 2026, 10 working days: 6–9 Jan (4), 12–16 Jan (9), Mon 19 Jan (10).
    private static readonly CaseClock Screening = new(Day.Of("2026-01-05"), 10);

    // Preliminary review notified Mon 14 Sep 2026, 30 working days, waiting on the provider twice:
    // from Wed 16 Sep to Tue 22 Sep, which stops 17, 18, 20 (make-up Sunday), 21 and 22 Sep (5 working days),
    // and from Fri 9 Oct to Mon 19 Oct, which stops 10 (make-up Saturday), 12–16 and 19 Oct (7 working days).
    // Unpaused the deadline is Fri 30 Oct; 12 working days later it is Tue 17 Nov (2–6, 9–13, 16, 17 Nov).
    private static readonly CaseClock PreliminaryReview = new CaseClock(Day.Of("2026-09-14"), 30)
        .Pause(Day.Of("2026-09-16")).Resume(Day.Of("2026-09-22"))
        .Pause(Day.Of("2026-10-09")).Resume(Day.Of("2026-10-19"));

    [Theory]
    [InlineData("2026-01-05", "2026-01-19", 10, false)] // the day of receipt: the whole limit is left
    [InlineData("2026-01-09", "2026-01-19", 6, false)]  // 6–9 Jan used
    [InlineData("2026-01-10", "2026-01-19", 6, false)]  // a Saturday uses nothing
    [InlineData("2026-01-19", "2026-01-19", 0, false)]  // the deadline: the limit runs to the end of the day
    [InlineData("2026-01-20", "2026-01-19", -1, true)]
    [InlineData("2026-01-24", "2026-01-19", -4, true)]  // 20–23 Jan late
    public void An_unpaused_clock_counts_down_to_the_deadline_and_below(string today, string deadline, int left, bool overdue) =>
        AssertReading(Screening, today, deadline, left, overdue, paused: false);

    [Fact]
    public void Overdue_is_decided_by_the_date_even_before_a_working_day_is_lost()
    {
        // Received Thu 8 Jan 2026 with 1 working day: due Fri 9 Jan, and late from the Saturday after it.
        var clock = new CaseClock(Day.Of("2026-01-08"), 1);
        AssertReading(clock, "2026-01-10", "2026-01-09", 0, overdue: true, paused: false); // Saturday after it
        AssertReading(clock, "2026-01-12", "2026-01-09", -1, overdue: true, paused: false);
    }

    [Theory]
    // A reading sees only the pauses that had begun by the end of its day, so the deadline moves as they happen.
    [InlineData("2026-09-14", "2026-10-30", 30, false, false)] // the start: the whole limit, nothing paused yet
    [InlineData("2026-09-16", "2026-10-30", 28, false, true)]  // the first request goes: 15, 16 Sep used, nothing stopped yet
    [InlineData("2026-09-21", "2026-11-05", 28, false, true)]  // waiting: 17, 18, 20, 21 Sep stopped, nothing more used
    [InlineData("2026-09-22", "2026-11-06", 28, false, false)] // the answer arrives: that day is not counted
    [InlineData("2026-09-23", "2026-11-06", 27, false, false)]
    [InlineData("2026-10-09", "2026-11-06", 21, false, true)]  // second request: 15, 16, 23, 24, 28–30 Sep, 8, 9 Oct used
    [InlineData("2026-10-19", "2026-11-17", 21, false, false)] // second answer: 10, 12–16, 19 Oct stopped
    [InlineData("2026-10-20", "2026-11-17", 20, false, false)]
    [InlineData("2026-11-17", "2026-11-17", 0, false, false)]
    [InlineData("2026-11-18", "2026-11-17", -1, true, false)]
    public void Paused_working_days_do_not_count(string today, string deadline, int left, bool overdue, bool paused) =>
        AssertReading(PreliminaryReview, today, deadline, left, overdue, paused);

    [Theory]
    // Asked on a day in the middle of the second pause (which ends on 19 Oct), the clock sees the pause as it
    // stood that evening: on Wed 14 Oct it had stopped 10, 12, 13, 14 Oct, so the deadline was then Thu 12 Nov.
    [InlineData("2026-10-14", "2026-11-12")]
    [InlineData("2026-10-11", "2026-11-09")] // Sunday: only the make-up Saturday 10 Oct was stopped
    public void A_reading_during_a_pause_gives_the_deadline_if_the_answer_came_that_day(string today, string deadline) =>
        AssertReading(PreliminaryReview, today, deadline, 21, overdue: false, paused: true);

    [Fact]
    public void While_the_case_waits_the_days_left_stand_still_and_the_deadline_moves()
    {
        // The same case before the provider answered its second request.
        var waiting = new CaseClock(Day.Of("2026-09-14"), 30)
            .Pause(Day.Of("2026-09-16")).Resume(Day.Of("2026-09-22"))
            .Pause(Day.Of("2026-10-09"));

        Assert.True(waiting.IsPaused);
        // On the day of the request nothing is stopped yet: 21 left, due Fri 6 Nov (30 Oct + the 5 days of the first pause).
        AssertReading(waiting, "2026-10-09", "2026-11-06", 21, overdue: false, paused: true);
        // Each working day of waiting moves the deadline one working day: 10 and 12 Oct stopped, due Tue 10 Nov.
        AssertReading(waiting, "2026-10-12", "2026-11-10", 21, overdue: false, paused: true);
        AssertReading(waiting, "2026-10-19", "2026-11-17", 21, overdue: false, paused: true);
        // Once the answer is recorded on 19 Oct, the reading of that day is the same, and no longer paused.
        AssertReading(waiting.Resume(Day.Of("2026-10-19")), "2026-10-19", "2026-11-17", 21, overdue: false, paused: false);
    }

    [Fact]
    public void An_extension_for_a_complex_case_adds_working_days_to_the_limit()
    {
        var extended = PreliminaryReview.Extend(new StageLimits().ComplexCaseExtension);

        Assert.Equal(45, extended.Limit);
        Assert.Equal(30, PreliminaryReview.Limit);
        // From Tue 17 Nov, 15 more: 18–20 Nov (3), 23–27 Nov (8), 30 Nov – 4 Dec (13), 7, 8 Dec.
        AssertReading(extended, "2026-11-18", "2026-12-08", 14, overdue: false, paused: false);
        Assert.Equal(extended.Pauses, PreliminaryReview.Pauses);
    }

    [Fact]
    public void A_pause_after_the_deadline_does_not_move_it()
    {
        var late = Screening.Pause(Day.Of("2026-01-21"));

        // Due Mon 19 Jan; 20 and 21 Jan were late before the clock stopped.
        AssertReading(late, "2026-01-26", "2026-01-19", -2, overdue: true, paused: true);
    }

    [Fact]
    public void A_pause_from_the_start_day_delays_the_first_counted_day()
    {
        // Received Mon 5 Jan and at once asked for material, answered Fri 9 Jan: counting starts Mon 12 Jan.
        var clock = Screening.Pause(Day.Of("2026-01-05")).Resume(Day.Of("2026-01-09"));

        AssertReading(clock, "2026-01-09", "2026-01-23", 10, overdue: false, paused: false);
    }

    [Fact]
    public void A_pause_resumed_the_day_it_began_changes_nothing()
    {
        var clock = Screening.Pause(Day.Of("2026-01-08")).Resume(Day.Of("2026-01-08"));

        AssertReading(clock, "2026-01-12", "2026-01-19", 5, overdue: false, paused: false);
    }

    [Theory]
    // Start on a holiday: Mon 16 Feb is not counted anyway; 24–27 Feb and the make-up Saturday 28 Feb.
    [InlineData("2026-02-16", 5, "2026-02-28")]
    // Start on a make-up Saturday: 24–28 Feb (28 is a Saturday, worked), 2–6 Mar.
    [InlineData("2026-02-14", 10, "2026-03-06")]
    // Spring Festival: 13, 14 (Sat), 24–28 Feb, 2–4 Mar.
    [InlineData("2026-02-12", 10, "2026-03-04")]
    // A limit of 0 ends on the start day when it is a working day, else on the next working day.
    [InlineData("2026-07-15", 0, "2026-07-15")]
    [InlineData("2026-02-16", 0, "2026-02-24")]
    public void A_clock_counts_like_the_calendar(string start, int limit, string deadline)
    {
        var clock = new CaseClock(Day.Of(start), limit);

        Assert.Equal(Day.Of(deadline), clock.Deadline(China, Day.Of(start)));
        Assert.Equal(China.AddWorkingDays(Day.Of(start), limit), clock.Deadline(China, Day.Of(start)));
        Assert.False(clock.IsOverdue(China, Day.Of(deadline)));
        Assert.True(clock.IsOverdue(China, Day.Of(deadline).AddDays(1)));
    }

    [Fact]
    public void A_deadline_in_2027_is_not_guessed()
    {
        // Screening received Fri 18 Dec 2026: 21–25 and 28–31 Dec are nine working days; the tenth needs 2027.
        var clock = new CaseClock(Day.Of("2026-12-18"), new StageLimits().Screening);

        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => clock.Deadline(China, Day.Of("2026-12-21"))).Year);
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => clock.WorkingDaysLeft(China, Day.Of("2026-12-21"))).Year);
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => clock.IsOverdue(China, Day.Of("2026-12-21"))).Year);
    }

    [Fact]
    public void A_2026_deadline_read_in_2027_is_overdue_but_its_lateness_cannot_be_counted()
    {
        // Received Fri 4 Dec 2026: 7–11 and 14–18 Dec, due Fri 18 Dec.
        var clock = new CaseClock(Day.Of("2026-12-04"), 10);

        Assert.True(clock.IsOverdue(China, Day.Of("2027-01-04")));
        Assert.Equal(Day.Of("2026-12-18"), clock.Deadline(China, Day.Of("2027-01-04")));
        Assert.Equal(2027, Assert.Throws<CalendarYearNotCoveredException>(() => clock.WorkingDaysLeft(China, Day.Of("2027-01-04"))).Year);
    }

    [Fact]
    public void Pausing_and_resuming_return_new_clocks()
    {
        var paused = Screening.Pause(Day.Of("2026-01-07"));

        Assert.False(Screening.IsPaused);
        Assert.Empty(Screening.Pauses);
        Assert.True(paused.IsPaused);
        Assert.Equal([new ClockPause(Day.Of("2026-01-07"), null)], paused.Pauses);
        Assert.Equal([new ClockPause(Day.Of("2026-01-07"), Day.Of("2026-01-09"))], paused.Resume(Day.Of("2026-01-09")).Pauses);
    }

    [Fact]
    public void Pausing_a_paused_clock_or_resuming_a_running_one_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Screening.Pause(Day.Of("2026-01-07")).Pause(Day.Of("2026-01-08")));
        Assert.Throws<InvalidOperationException>(() => Screening.Resume(Day.Of("2026-01-08")));
    }

    [Fact]
    public void Dates_out_of_order_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Screening.Pause(Day.Of("2026-01-04")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Screening.Pause(Day.Of("2026-01-08")).Resume(Day.Of("2026-01-07")));
        Assert.Throws<ArgumentOutOfRangeException>(() => PreliminaryReview.Pause(Day.Of("2026-10-16")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Screening.Deadline(China, Day.Of("2026-01-04")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Screening.Extend(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CaseClock(Day.Of("2026-01-05"), -1));
    }

    // Pauses as "paused/resumed", an open one as "paused/".
    [Theory]
    [InlineData("a pause before the start", "2026-01-02/2026-01-06")]
    [InlineData("resumed before paused", "2026-01-08/2026-01-07")]
    [InlineData("overlapping pauses", "2026-01-06/2026-01-09", "2026-01-08/2026-01-12")]
    [InlineData("an open pause before another", "2026-01-06/", "2026-01-08/2026-01-12")]
    public void A_stored_history_that_breaks_the_clock_rules_is_refused(string why, params string[] pauses)
    {
        Assert.NotEmpty(why);
        var history = pauses.Select(pause => pause.Split('/')).Select(dates =>
            new ClockPause(Day.Of(dates[0]), dates[1].Length == 0 ? null : Day.Of(dates[1])));
        Assert.Throws<ArgumentException>(() => new CaseClock(Day.Of("2026-01-05"), 10, history));
    }

    [Fact]
    public void A_stored_history_restores_the_same_clock()
    {
        var restored = new CaseClock(PreliminaryReview.StartedOn, PreliminaryReview.Limit, PreliminaryReview.Pauses);

        AssertReading(restored, "2026-10-20", "2026-11-17", 20, overdue: false, paused: false);
    }

    private static void AssertReading(CaseClock clock, string today, string deadline, int left, bool overdue, bool paused)
    {
        var day = Day.Of(today);
        Assert.Equal(Day.Of(deadline), clock.Deadline(China, day));
        Assert.Equal(left, clock.WorkingDaysLeft(China, day));
        Assert.Equal(overdue, clock.IsOverdue(China, day));
        Assert.Equal(paused, clock.IsPausedOn(day));
    }
}
