using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Server.Operations;

namespace Orderly.Server.Tests.Operations;

/// <summary>
/// The console log (issue 9, item 9): readable lines by default; with <c>Orderly:LogFormat=Json</c> one JSON object per
/// line, and the lines a request writes carry its trace id, the one its Problem Details quote.
/// </summary>
public sealed class ConsoleLogTests
{
    private static readonly (string, string)[] Chatty =
    [
        ("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information"), // a line as each request starts and ends
        ("Logging:LogLevel:Orderly", "Information"), // the start-up lines
    ];

    [Fact]
    public async Task The_json_format_writes_parseable_lines_and_a_request_s_lines_carry_its_trace_id()
    {
        var said = new StringWriter();
        string traceId;
        using (var api = OrderlyApi.WithServices(s => s.AddSingleton(new LogOutput(TextWriter.Synchronized(said))), [(ConsoleLogs.FormatSetting, "Json"), .. Chatty]))
        {
            var problem = await OrderlyApi.ProblemAsync(await api.Client.GetAsync($"/api/orders/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "order.not_found");
            traceId = problem.TraceId;
        }

        var lines = said.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.ShouldContain(l => l.GetProperty("@m").GetString()!.StartsWith("Database: ", StringComparison.Ordinal));
        lines.ShouldAllBe(l => HasTimeAndCategory(l));
        traceId.ShouldMatch("^[0-9a-f]{32}$");
        var ofRequest = lines.Where(l => l.TryGetProperty("@tr", out var tr) && tr.GetString() == traceId).ToList();
        ofRequest.Count.ShouldBeGreaterThanOrEqualTo(2); // request starting, request finished
        ofRequest.ShouldContain(l => l.GetProperty("@m").GetString()!.Contains("404", StringComparison.Ordinal));
    }

    private static bool HasTimeAndCategory(JsonElement line) => line.TryGetProperty("@t", out _) && line.TryGetProperty("SourceContext", out _);

    [Fact]
    public void By_default_the_log_is_one_readable_line_per_entry()
    {
        var said = new StringWriter();
        using (OrderlyApi.WithServices(s => s.AddSingleton(new LogOutput(TextWriter.Synchronized(said))), Chatty))
        {
        }

        var database = said.ToString().Split('\n').Single(l => l.Contains(" Database: ", StringComparison.Ordinal));
        database.ShouldMatch(@"^\d\d:\d\d:\d\d INF Orderly\.Server\.Operations\.DatabaseStartup: Database: (SQLite, file|PostgreSQL, database) .+; \d+ migration\(s\) applied at start");
    }
}
