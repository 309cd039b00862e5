using Microsoft.Extensions.Configuration;
using Orderly.Application.Persistence;

namespace Orderly.Server.Tests;

/// <summary>A setting the server cannot read stops the start with one line naming it (Program.cs prints "Orderly cannot start: …").</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Database", "Oracle", "Orderly:Database is 'Oracle'; it must be one of Sqlite, PostgreSql (any case).")]
    [InlineData("Sourcing", "Nearest", "Orderly:Sourcing is 'Nearest'; it must be one of FillMost, Priority (any case).")]
    [InlineData("MoneyMidpoint", "7", "Orderly:MoneyMidpoint is '7'; it must be one of")]
    [InlineData("WriteQueueTimeoutSeconds", "soon", "'soon' at 'Orderly:WriteQueueTimeoutSeconds'")]
    [InlineData("ReplenishmentScanMinutes", "hourly", "Orderly:ReplenishmentScanMinutes is 'hourly'; it must be a whole number.")]
    [InlineData("PromiseRefreshDelayMilliseconds", "0.5", "Orderly:PromiseRefreshDelayMilliseconds is '0.5'; it must be a whole number.")]
    [InlineData("DemoClockOffsetDays", "ten", "Orderly:DemoClockOffsetDays is 'ten'; it must be a whole number.")]
    [InlineData("SeedDemo", "yes", "Orderly:SeedDemo is 'yes'; it must be true or false.")]
    [InlineData("ConflictRetries", "-1", "Orderly:ConflictRetries is -1; it must be a whole number from 0 to 20.")]
    [InlineData("ConflictRetries", "21", "Orderly:ConflictRetries is 21; it must be a whole number from 0 to 20.")]
    [InlineData("ConflictRetries", "many", "'many' at 'Orderly:ConflictRetries'")]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.5,proxy.local", "Orderly:ForwardedHeaders:KnownProxies holds 'proxy.local', which is not an IP address")]
    [InlineData("RateLimits:ApiRequestsPerMinute", "0", "Orderly:RateLimits:ApiRequestsPerMinute is '0'; it is how many requests under /api per caller and minute are let through, a whole number from 1 to 1,000,000,000 (for example 3000).")]
    [InlineData("RateLimits:ApiRequestsPerMinute", "lots", "Orderly:RateLimits:ApiRequestsPerMinute is 'lots'")]
    [InlineData("RateLimits:SignInAttemptsPerMinute", "2.5", "Orderly:RateLimits:SignInAttemptsPerMinute is '2.5'; it is how many sign-in attempts per client IP and minute")]
    public void A_setting_that_cannot_be_read_is_refused_naming_the_setting_and_what_it_may_be(string setting, string value, string said)
    {
        StartupSettings.TryRead(Configuration(($"Orderly:{setting}", value)), out _, out var problem).ShouldBeFalse();

        problem.ShouldContain(said);
    }

    [Theory]
    [InlineData("admin@example.com", null, "go together")]
    [InlineData(null, "a long passphrase", "go together")]
    [InlineData("admin", "a long passphrase", "must be an email address")]
    [InlineData("admin@example.com", "short", "at least 12")]
    public void Bootstrap_settings_that_cannot_make_an_administrator_are_refused_and_there_is_no_default_password(string? email, string? password, string said)
    {
        var settings = new List<(string, string)>();
        if (email is not null) settings.Add(("Orderly:Bootstrap:AdminEmail", email));
        if (password is not null) settings.Add(("Orderly:Bootstrap:AdminPassword", password));

        StartupSettings.TryRead(Configuration([.. settings]), out _, out var problem).ShouldBeFalse();

        problem.ShouldContain(said);
        StartupSettings.TryRead(Configuration(), out _, out _).ShouldBeTrue(); // neither: no administrator, no default password
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("-30")]
    [InlineData("86400")]
    public void A_lease_time_outside_one_second_to_an_hour_is_refused_naming_the_setting(string value)
    {
        StartupSettings.TryRead(Configuration(("Orderly:LeaseSeconds", value)), out _, out var problem).ShouldBeFalse();

        problem.ShouldBe($"Orderly:LeaseSeconds is '{value}'; it is how long a background job's lease lasts, in seconds, a number from 1 to 3600 (for example 30).");
    }

    [Theory]
    [InlineData("Sqlite", "2", "Orderly:WriteTurns is 2, but SQLite admits one writer at a time: leave it out (or 1), or run on PostgreSQL.")]
    [InlineData("PostgreSQL", "0", "Orderly:WriteTurns is 0; it is how many writes run at once, a whole number from 1 to 64 (default 4).")]
    [InlineData("PostgreSQL", "65", "Orderly:WriteTurns is 65; it is how many writes run at once, a whole number from 1 to 64 (default 4).")]
    public void Write_turns_beyond_what_the_database_admits_are_refused(string database, string value, string said)
    {
        StartupSettings.TryRead(Configuration(("Orderly:Database", database), ("Orderly:WriteTurns", value)), out _, out var problem).ShouldBeFalse();

        problem.ShouldBe(said);
    }

    [Theory]
    [InlineData("Sqlite", null, 1)]
    [InlineData("PostgreSQL", null, 4)]
    [InlineData("PostgreSQL", "16", 16)]
    [InlineData("PostgreSQL", "1", 1)]
    public void Writes_take_one_turn_on_sqlite_and_four_on_postgresql_unless_set(string database, string? value, int turns)
    {
        var settings = value is null ? Configuration(("Orderly:Database", database)) : Configuration(("Orderly:Database", database), ("Orderly:WriteTurns", value));
        StartupSettings.TryRead(settings, out var options, out _).ShouldBeTrue();

        options.EffectiveWriteTurns.ShouldBe(turns);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("2", 2)]
    [InlineData("1.5", 1.5)]
    public void The_lease_time_is_30_seconds_unless_set(string? value, double seconds)
    {
        var settings = value is null ? Configuration() : Configuration(("Orderly:LeaseSeconds", value));
        StartupSettings.TryRead(settings, out var options, out _).ShouldBeTrue();

        options.LeaseSeconds.ShouldBe(seconds);
    }

    [Theory]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    public void The_database_is_named_in_any_case(string value, DatabaseProvider expected)
    {
        StartupSettings.TryRead(Configuration(("Orderly:Database", value)), out var options, out _).ShouldBeTrue();

        options.Database.ShouldBe(expected);
    }

    [Fact]
    public void Without_a_setting_the_database_is_sqlite()
    {
        StartupSettings.TryRead(Configuration(), out var options, out _).ShouldBeTrue();

        options.Database.ShouldBe(DatabaseProvider.Sqlite);
    }

    [Fact]
    public void The_rate_limits_are_3000_requests_per_caller_and_10_sign_ins_per_address_a_minute_unless_set()
    {
        Http.RateLimitSettings.Of(Configuration(), out var none).ShouldBe(new Http.RateLimitSettings(3000, 10));
        none.ShouldBeNull();

        var set = Configuration(("Orderly:RateLimits:ApiRequestsPerMinute", "50"), ("Orderly:RateLimits:SignInAttemptsPerMinute", "3"));
        StartupSettings.TryRead(set, out _, out _).ShouldBeTrue();
        Http.RateLimitSettings.Of(set, out _).ShouldBe(new Http.RateLimitSettings(50, 3));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
