using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Orderly.Bench;

/// <summary>What one request got: its status (0 when it never got an answer), its parsed body, and how long it took.</summary>
public sealed record Reply(int Status, JsonNode? Body, double Millis, string Raw)
{
    public bool Ok => Status is >= 200 and < 300;
}

/// <summary>
/// The driver's only way to the server: one pooled HTTP/1.1 connection per client, every request timed with a
/// Stopwatch from send to the last byte read, every answer recorded once (a failure is counted, never retried), and the
/// SQL statement count read from the Server-Timing header when the server sends it.
/// </summary>
public sealed partial class OrderlyClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    // token: an API token of the server's bootstrap administrator (bench/run makes it after signing in).
    public OrderlyClient(Uri baseAddress, int connections, TimeSpan timeout, string token)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(connections, 1),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Task<Reply> GetAsync(string path, StepStats? stats = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, path, null, stats, ct);

    public Task<Reply> PostAsync(string path, object? body, StepStats? stats = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, path, body is null ? "{}" : JsonSerializer.Serialize(body, Json), stats, ct);

    /// <summary>Sends one request and records it in <paramref name="stats"/> (when given); a body is JSON text (none: empty, but typed JSON unless a GET).</summary>
    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json, StepStats? stats, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        // A change without a body still says it is JSON: the server refuses any other POST, PUT, PATCH or DELETE (415).
        if (json is not null || method != HttpMethod.Get) request.Content = new StringContent(json ?? "", Encoding.UTF8, "application/json");
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var raw = await response.Content.ReadAsStringAsync(ct);
            var millis = clock.Elapsed.TotalMilliseconds;
            var status = (int)response.StatusCode;
            var reply = new Reply(status, Parse(raw), millis, raw);
            if (reply.Ok) stats?.Succeeded(millis, Statements(response));
            else stats?.Failed(status.ToString());
            return reply;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            stats?.Failed("timeout");
            return new Reply(0, null, clock.Elapsed.TotalMilliseconds, "timeout");
        }
        catch (HttpRequestException e)
        {
            stats?.Failed("transport");
            return new Reply(0, null, clock.Elapsed.TotalMilliseconds, e.Message);
        }
    }

    /// <summary>As <see cref="SendAsync"/> for set-up work that must succeed: a refusal stops the benchmark with the answer.</summary>
    public async Task<JsonNode?> RequireAsync(HttpMethod method, string path, object? body, CancellationToken ct = default)
    {
        var reply = await SendAsync(method, path, body is null ? null : JsonSerializer.Serialize(body, Json), null, ct);
        if (!reply.Ok) throw new BenchFailed($"{method} {path} answered {reply.Status}: {Shorten(reply.Raw)}");
        return reply.Body;
    }

    private static int? Statements(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values)) return null;
        foreach (var value in values)
            if (StatementsPattern().Match(value) is { Success: true } m) return int.Parse(m.Groups[1].Value);
        return null;
    }

    private static JsonNode? Parse(string raw)
    {
        if (raw.Length == 0 || raw[0] is not ('{' or '[')) return null;
        try { return JsonNode.Parse(raw); }
        catch (JsonException) { return null; }
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";

    [GeneratedRegex(@"db;desc=""(\d+) round trips")]
    private static partial Regex StatementsPattern();

    public void Dispose() => _http.Dispose();
}

/// <summary>The benchmark cannot go on (the server refused set-up work or went away); the message says why.</summary>
public sealed class BenchFailed(string message) : Exception(message);
