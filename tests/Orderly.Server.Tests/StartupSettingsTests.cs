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

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
