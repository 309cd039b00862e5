using FsCheck;
using FsCheck.Fluent;
using Orderly.Domain.Common;
using Orderly.Domain.Workflow;

namespace Orderly.Domain.Tests.Workflow;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset At(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static WorkingHours H(int fromHour, int toHour, int fromMinute = 0, int toMinute = 0) =>
        new(new TimeSpan(fromHour, fromMinute, 0), new TimeSpan(toHour, toMinute, 0));

    private static BusinessCalendar WithLunch(TimeZoneInfo zone, DateOnly[]? holidays = null, DateOnly[]? extra = null)
    {
        WorkingHours[] day = [H(9, 12), H(13, 18)];
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>
        {
            [DayOfWeek.Monday] = day, [DayOfWeek.Tuesday] = day, [DayOfWeek.Wednesday] = day,
            [DayOfWeek.Thursday] = day, [DayOfWeek.Friday] = day,
        };
        return new BusinessCalendar("cn", zone, week, holidays ?? [], extra ?? []);
    }

    private static BusinessCalendar AllDay(TimeZoneInfo zone) => new("24x7", zone,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<WorkingHours>)[H(0, 24)]), [], []);

    [Fact]
    public void Four_working_hours_from_friday_afternoon_end_on_monday_at_noon()
    {
        var calendar = BusinessCalendar.Standard(Shanghai);
        // 2026-12-04 is a Friday.
        calendar.AddWorkingTime(At(Shanghai, 2026, 12, 4, 17), TimeSpan.FromHours(4)).ShouldBe(At(Shanghai, 2026, 12, 7, 12));
    }

    [Fact]
    public void Time_that_runs_out_at_the_end_of_the_day_ends_there_not_the_next_morning()
    {
        var calendar = BusinessCalendar.Standard(Shanghai);
        calendar.AddWorkingTime(At(Shanghai, 2026, 12, 4, 17), TimeSpan.FromHours(1)).ShouldBe(At(Shanghai, 2026, 12, 4, 18));
    }

    [Fact]
    public void A_clock_started_on_a_weekend_begins_on_monday_morning()
    {
        var calendar = BusinessCalendar.Standard(Shanghai);
        calendar.AddWorkingTime(At(Shanghai, 2026, 12, 5, 11), TimeSpan.FromMinutes(30)).ShouldBe(At(Shanghai, 2026, 12, 7, 9, 30));
        calendar.NextWorkingInstant(At(Shanghai, 2026, 12, 6, 23)).ShouldBe(At(Shanghai, 2026, 12, 7, 9));
        calendar.IsWorkingAt(At(Shanghai, 2026, 12, 5, 11)).ShouldBeFalse();
        calendar.IsWorkingAt(At(Shanghai, 2026, 12, 7, 9)).ShouldBeTrue();
        calendar.IsWorkingAt(At(Shanghai, 2026, 12, 7, 18)).ShouldBeFalse();
    }

    [Fact]
    public void The_lunch_break_does_not_count()
    {
        var calendar = WithLunch(Shanghai);
        calendar.AddWorkingTime(At(Shanghai, 2026, 12, 7, 11), TimeSpan.FromHours(2)).ShouldBe(At(Shanghai, 2026, 12, 7, 14));
        calendar.WorkingTimeBetween(At(Shanghai, 2026, 12, 7, 8), At(Shanghai, 2026, 12, 7, 20)).ShouldBe(TimeSpan.FromHours(8));
        calendar.IsWorkingAt(At(Shanghai, 2026, 12, 7, 12, 30)).ShouldBeFalse();
    }

    [Fact]
    public void Holidays_do_not_work_and_make_up_days_work_with_mondays_hours()
    {
        // National Day week 2026: 1–7 October off; Saturday 10 October a make-up working day (调休).
        var holidays = Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)).ToArray();
        var calendar = WithLunch(Shanghai, holidays, [new DateOnly(2026, 10, 10)]);
        calendar.AddWorkingTime(At(Shanghai, 2026, 9, 30, 17), TimeSpan.FromHours(2)).ShouldBe(At(Shanghai, 2026, 10, 8, 10));
        calendar.HoursOn(new DateOnly(2026, 10, 10)).ShouldBe([H(9, 12), H(13, 18)]);
        calendar.HoursOn(new DateOnly(2026, 10, 11)).ShouldBeEmpty();
        calendar.WorkingTimeBetween(At(Shanghai, 2026, 10, 1, 0), At(Shanghai, 2026, 10, 12, 0)).ShouldBe(TimeSpan.FromHours(8 * 3));
    }

    [Fact]
    public void Berlin_working_days_keep_their_hours_across_both_daylight_saving_changes()
    {
        var calendar = BusinessCalendar.Standard(Berlin);
        // Summer time begins Sunday 29 March 2026 and ends Sunday 25 October 2026.
        calendar.AddWorkingTime(At(Berlin, 2026, 3, 27, 17), TimeSpan.FromHours(2)).ShouldBe(At(Berlin, 2026, 3, 30, 10));
        calendar.AddWorkingTime(At(Berlin, 2026, 10, 23, 17), TimeSpan.FromHours(2)).ShouldBe(At(Berlin, 2026, 10, 26, 10));
        calendar.WorkingTimeBetween(At(Berlin, 2026, 3, 30, 0), At(Berlin, 2026, 3, 31, 0)).ShouldBe(TimeSpan.FromHours(9));
    }

    [Fact]
    public void A_round_the_clock_day_lasts_as_long_as_its_wall_clock_says()
    {
        var calendar = AllDay(NewYork);
        // In New York summer time begins Sunday 8 March 2026 and ends Sunday 1 November 2026.
        calendar.WorkingTimeBetween(At(NewYork, 2026, 3, 8, 0), At(NewYork, 2026, 3, 9, 0)).ShouldBe(TimeSpan.FromHours(23));
        calendar.WorkingTimeBetween(At(NewYork, 2026, 11, 1, 0), At(NewYork, 2026, 11, 2, 0)).ShouldBe(TimeSpan.FromHours(25));
        calendar.AddWorkingTime(At(NewYork, 2026, 3, 7, 12), TimeSpan.FromHours(24)).ShouldBe(At(NewYork, 2026, 3, 8, 13));
    }

    [Fact]
    public void Working_hours_in_the_spring_gap_are_skipped()
    {
        var week = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<WorkingHours>)[H(1, 4)]);
        var calendar = new BusinessCalendar("night", Berlin, week, [], []);
        // 29 March 2026: 02:00–03:00 does not exist, so 01:00–04:00 holds two hours.
        calendar.WorkingTimeBetween(At(Berlin, 2026, 3, 29, 0), At(Berlin, 2026, 3, 29, 5)).ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void Shanghai_has_no_daylight_saving_and_counts_the_same_all_year()
    {
        var calendar = BusinessCalendar.Standard(Shanghai);
        calendar.WorkingTimeBetween(At(Shanghai, 2026, 3, 23, 0), At(Shanghai, 2026, 3, 30, 0)).ShouldBe(TimeSpan.FromHours(45));
        calendar.WorkingTimeBetween(At(Shanghai, 2026, 10, 19, 0), At(Shanghai, 2026, 10, 26, 0)).ShouldBe(TimeSpan.FromHours(45));
    }

    [Fact]
    public void Adding_zero_returns_the_start_and_reversed_ranges_hold_no_time()
    {
        var calendar = BusinessCalendar.Standard(Shanghai);
        var saturday = At(Shanghai, 2026, 12, 5, 11);
        calendar.AddWorkingTime(saturday, TimeSpan.Zero).ShouldBe(saturday);
        calendar.WorkingTimeBetween(At(Shanghai, 2026, 12, 8, 12), At(Shanghai, 2026, 12, 7, 12)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Negative_and_overlong_durations_are_refused()
    {
        var calendar = BusinessCalendar.Standard(Shanghai);
        Should.Throw<InvalidInput>(() => calendar.AddWorkingTime(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(-1))).Code.ShouldBe("calendar.invalid_duration");
        Should.Throw<InvalidInput>(() => calendar.AddWorkingTime(DateTimeOffset.UtcNow, TimeSpan.FromHours(10_001))).Code.ShouldBe("calendar.invalid_duration");
        calendar.AddWorkingTime(DateTimeOffset.UtcNow, BusinessCalendar.MaxDuration).ShouldBeGreaterThan(DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Overlapping_or_empty_hours_and_a_week_without_work_are_refused()
    {
        var overlapping = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>> { [DayOfWeek.Monday] = [H(9, 13), H(12, 18)] };
        var error = Should.Throw<InvalidInput>(() => new BusinessCalendar("x", Shanghai, overlapping, [], []));
        error.Code.ShouldBe("calendar.invalid_hours");
        error.FieldErrors.Keys.ShouldBe(["hours.monday"]);
        var backwards = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>> { [DayOfWeek.Monday] = [H(18, 9)] };
        Should.Throw<InvalidInput>(() => new BusinessCalendar("x", Shanghai, backwards, [], [])).Code.ShouldBe("calendar.invalid_hours");
        Should.Throw<InvalidInput>(() => new BusinessCalendar("x", Shanghai, new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>(), [], []))
            .Code.ShouldBe("calendar.no_working_time");
    }

    [Fact]
    public void Adding_working_time_and_measuring_it_back_agree_on_every_calendar()
    {
        BusinessCalendar[] calendars = [BusinessCalendar.Standard(Berlin), WithLunch(NewYork), AllDay(Berlin), WithLunch(Shanghai)];
        var origin = At(Shanghai, 2026, 1, 1, 0);
        var cases =
            from c in Gen.Choose(0, calendars.Length - 1)
            from startMinute in Gen.Choose(0, 365 * 24 * 60)
            from minutes in Gen.Choose(0, 3 * 45 * 60)
            select (Calendar: c, Start: origin.AddMinutes(startMinute), Minutes: minutes);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var calendar = calendars[t.Calendar];
            var duration = TimeSpan.FromMinutes(t.Minutes);
            var end = calendar.AddWorkingTime(t.Start, duration);
            var splitAt = calendar.AddWorkingTime(t.Start, duration / 2);
            var because = $"{calendar.Code} from {t.Start:u} + {t.Minutes} min";
            end.ShouldBeGreaterThanOrEqualTo(t.Start, because);
            calendar.WorkingTimeBetween(t.Start, end).ShouldBe(duration, because);
            (calendar.WorkingTimeBetween(t.Start, splitAt) + calendar.WorkingTimeBetween(splitAt, end)).ShouldBe(duration, because);
            if (t.Minutes > 0) calendar.IsWorkingAt(end.AddTicks(-1)).ShouldBeTrue(because);
        }));
    }
}
