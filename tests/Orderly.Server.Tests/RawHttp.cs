using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Orderly.Server.Tests;

/// <summary>A response read off the socket: the status, the header lines as sent, and the body (de-chunked).</summary>
public sealed record RawResponse(int Status, IReadOnlyList<string> Headers, string Body)
{
    public string? Header(string name) => Headers.Select(h => h.Split(':', 2)).Where(p => p.Length == 2 && p[0].Equals(name, StringComparison.OrdinalIgnoreCase))
        .Select(p => p[1].Trim()).FirstOrDefault();

    /// <summary>Asserts a Problem Details answer with this status and code.</summary>
    public Problem ShouldBeProblem(int status, string code)
    {
        Status.ShouldBe(status, Body);
        Header("Content-Type").ShouldNotBeNull(Body).ShouldStartWith("application/problem+json");
        var problem = JsonSerializer.Deserialize<Problem>(Body, OrderlyApi.Json).ShouldNotBeNull();
        problem.Code.ShouldBe(code, Body);
        problem.Status.ShouldBe(status);
        problem.Detail.ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}

/// <summary>
/// Sends bytes exactly as given to a server over Kestrel (<see cref="OrderlyApi.OverKestrel"/>), for requests no
/// HttpClient would send: a <c>%00</c> in the path, header bytes that are not UTF-8, a chunked body over the limit.
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(OrderlyApi api, string head, byte[]? body = null)
    {
        var server = api.Client.BaseAddress.ShouldNotBeNull();
        // Signed in as the API's default client, unless the head says otherwise.
        if (!head.Contains("\nAuthorization:", StringComparison.OrdinalIgnoreCase) && api.Client.DefaultRequestHeaders.Authorization is { } authorization)
            head = head.Insert(head.IndexOf('\n', StringComparison.Ordinal) + 1, $"Authorization: {authorization}\n");
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = Encoding.Latin1.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n");
        await stream.WriteAsync(request);
        if (body is not null)
        {
            try
            {
                await stream.WriteAsync(body);
            }
            catch (IOException)
            {
                // The server may answer and close before it has read everything.
            }
        }
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received);
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived is what counts.
        }
        return Parse(received.ToArray());
    }

    /// <summary>A request head: request line and headers, one per line, with Host and Connection: close added.</summary>
    public static string Head(string requestLine, params string[] headers) =>
        string.Join("\n", new[] { requestLine, "Host: localhost", "Connection: close" }.Concat(headers)) + "\n";

    private static RawResponse Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        end.ShouldBeGreaterThan(0, $"no complete response: '{Encoding.Latin1.GetString(bytes)}'");
        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).ToList();
        var body = bytes[(end + 4)..];
        if (headers.Any(h => h.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))) body = Dechunk(body);
        return new RawResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var text = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lineEnd = at + body.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, at, lineEnd - at), 16);
            if (size == 0) return text.ToArray();
            text.Write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
