using Orderly.Application.Common;

namespace Orderly.Application.Tests.Common;

/// <summary>The one conversion of an instant into a business date, in the business time zone (issue 8, item 3).</summary>
public sealed class BusinessClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("Asia/Tokyo", "2027-03-29T15:31:00Z", "2027-03-30")] // 00:31 local
    [InlineData("Asia/Shanghai", "2027-03-31T23:59:00Z", "2027-04-01")] // 07:59 local on the 1st
    [InlineData("America/New_York", "2027-04-01T02:00:00Z", "2027-03-31")] // 22:00 local the evening before
    [InlineData("UTC", "2027-03-29T15:31:00Z", "2027-03-29")]
    public void Today_is_the_date_in_the_business_time_zone(string zone, string instant, string today)
    {
        var clock = new BusinessClock(new FixedClock(DateTimeOffset.Parse(instant)), BusinessClock.ZoneNamed(zone));

        clock.Today.ShouldBe(DateOnly.Parse(today));
    }

    [Fact]
    public void A_day_starts_at_midnight_in_the_business_time_zone()
    {
        var tokyo = new BusinessClock(TimeProvider.System, BusinessClock.ZoneNamed("Asia/Tokyo"));

        tokyo.StartOfUtc(new DateOnly(2027, 3, 30)).ShouldBe(new DateTime(2027, 3, 29, 15, 0, 0, DateTimeKind.Utc));
        tokyo.StartOfUtc(DateOnly.MinValue).ShouldBe(DateTime.MinValue, "the calendar's first day is clamped, not an error");
    }

    [Fact]
    public void Without_a_setting_the_business_time_zone_is_the_machines()
    {
        BusinessClock.ZoneNamed(null).ShouldBe(TimeZoneInfo.Local);
        BusinessClock.ZoneNamed(" ").ShouldBe(TimeZoneInfo.Local);
    }

    [Fact]
    public void An_unknown_zone_name_is_refused_naming_the_setting()
    {
        var refused = Should.Throw<InvalidOperationException>(() => BusinessClock.ZoneNamed("Asia/Atlantis"));

        refused.Message.ShouldContain("Orderly:BusinessTimeZone is 'Asia/Atlantis'");
    }
}
