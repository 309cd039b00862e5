using Orderly.Server.Operations;
using Orderly.Server.Sales;

namespace Orderly.Server.Tests;

/// <summary>
/// Settings the server cannot run with stop its start with one line naming the setting, no stack trace. In one class
/// because each test takes over the process's Console.Error while the server starts.
/// </summary>
public sealed class StartRefusalTests
{
    [Fact]
    public void An_unknown_business_time_zone_stops_the_start_with_a_message_naming_the_setting() =>
        RefusedStart(("Orderly:BusinessTimeZone", "Mars/Olympus_Mons"))
            .ShouldContain("Orderly cannot start: Orderly:BusinessTimeZone is 'Mars/Olympus_Mons', which is not a time zone this machine knows");

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("a quarter")]
    public void A_worker_share_outside_zero_to_one_stops_the_start_with_a_message_naming_the_setting(string share) =>
        RefusedStart((PromiseRefreshService.ShareSetting, share))
            .ShouldContain($"Orderly cannot start: {PromiseRefreshService.ShareSetting} is '{share}'");

    [Theory]
    [InlineData(ConsoleLogs.FormatSetting, "xml")]
    [InlineData(ShutdownTimeout.Setting, "0")]
    [InlineData(ShutdownTimeout.Setting, "half a minute")]
    [InlineData(Telemetry.OtlpSetting, "collector:4318")]
    public void An_operations_setting_the_server_cannot_use_stops_the_start_with_a_message_naming_it(string setting, string value) =>
        RefusedStart((setting, value)).ShouldContain($"Orderly cannot start: {setting} is '{value}'");

    [Theory]
    [InlineData("TimeoutSeconds", "0")]
    [InlineData("MaxAttempts", "0")]
    [InlineData("RetryBaseSeconds", "-1")]
    [InlineData("RetryMaxSeconds", "700000")]
    [InlineData("DisableAfterFailures", "0")]
    [InlineData("DispatchIntervalSeconds", "-5")]
    public void A_webhook_setting_out_of_range_stops_the_start_with_a_message_naming_it(string name, string value) =>
        RefusedStart(($"Orderly:Webhooks:{name}", value)).ShouldContain($"Orderly cannot start: Orderly:Webhooks:{name} is {value}; it must be");

    [Fact]
    public void A_first_retry_longer_than_the_longest_stops_the_start_naming_both_settings() =>
        RefusedStart(("Orderly:Webhooks:RetryBaseSeconds", "100000")).ShouldContain(
            "Orderly cannot start: Orderly:Webhooks:RetryBaseSeconds (100000) is above Orderly:Webhooks:RetryMaxSeconds (21600)");

    [Theory]
    [Trait("RunsOn", "ItsOwnDatabase")] // names each provider's unreachable database itself (tools/test)
    [InlineData("Sqlite", "Data Source=/proc/no-such-folder/orderly.db", "SQLite, file /proc/no-such-folder/orderly.db")]
    [InlineData("PostgreSQL", "Host=127.0.0.1;Port=1;Username=orderly;Password=secret;Database=orderly;Timeout=2",
        "PostgreSQL, database orderly on 127.0.0.1:1")]
    public void A_database_that_cannot_be_opened_stops_the_start_with_one_line_naming_it(string provider, string connectionString, string named)
    {
        var said = new StringWriter();
        var console = Console.Error;
        Console.SetError(TextWriter.Synchronized(said));
        try
        {
            try
            {
                new OrderlyApi(("Orderly:Database", provider), ("ConnectionStrings:Orderly", connectionString)).Dispose();
            }
            catch (Exception)
            {
                // the host may report the stop it was asked for; what counts is the line and the exit code
            }
        }
        finally
        {
            Console.SetError(console);
        }

        Environment.ExitCode.ShouldBe(1);
        Environment.ExitCode = 0; // the refused start set it for the process; this one is the test runner
        said.ToString().ShouldContain($"Orderly cannot start: the database ({named}) cannot be opened or reached");
        said.ToString().ShouldNotContain("secret");
    }

    /// <summary>Starts the server with <paramref name="setting"/>, expects the start to fail, and returns what it wrote to stderr.</summary>
    private static string RefusedStart((string Key, string Value) setting)
    {
        var said = new StringWriter();
        var console = Console.Error;
        Console.SetError(TextWriter.Synchronized(said));
        try
        {
            Should.Throw<Exception>(() => new OrderlyApi(setting).Dispose());
        }
        finally
        {
            Console.SetError(console);
            Environment.ExitCode = 0; // the refused start set it for the process; this one is the test runner
        }
        return said.ToString();
    }
}
