using System.Text;

namespace Orderly.Server.Tests;

/// <summary>
/// Every error the server answers, also those raised before routing on real Kestrel, is Problem Details with a stable
/// <c>code</c> (issue #8, items 9 and 10): an oversized body gets one answer whether its length was declared or it came
/// in chunks; bad header bytes, a <c>%00</c> in the path, unknown routes and methods, the wrong media type and broken
/// JSON each get their own code.
/// </summary>
public sealed class ServerRefusalTests : IClassFixture<ServerRefusalTests.Server>
{
    private readonly OrderlyApi _api;

    public ServerRefusalTests(Server server) => _api = server.Api;

    /// <summary>One server over Kestrel for these tests: none of them writes anything.</summary>
    public sealed class Server : IDisposable
    {
        public OrderlyApi Api { get; } = OrderlyApi.OverKestrel();

        public void Dispose() => Api.Dispose();
    }

    private static readonly byte[] OverOneMiB = Encoding.ASCII.GetBytes("{\"note\":\"" + new string('x', 1_100_000) + "\"}");

    [Fact]
    public async Task An_oversized_body_with_a_declared_length_is_a_413_request_too_large()
    {
        var response = await RawHttp.SendAsync(_api, RawHttp.Head("POST /api/orders HTTP/1.1", "Content-Type: application/json",
            $"Content-Length: {OverOneMiB.Length}"), OverOneMiB);

        response.ShouldBeProblem(413, "request.too_large");
    }

    [Fact]
    public async Task An_oversized_chunked_body_is_the_same_413_request_too_large()
    {
        var chunked = Encoding.ASCII.GetBytes($"{OverOneMiB.Length:x}\r\n").Concat(OverOneMiB).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();

        var response = await RawHttp.SendAsync(_api, RawHttp.Head("POST /api/orders HTTP/1.1", "Content-Type: application/json",
            "Transfer-Encoding: chunked"), chunked);

        response.ShouldBeProblem(413, "request.too_large");
    }

    // RawHttp sends the head as Latin-1, one byte per character: "\u00c3\u00a9" is "é" in UTF-8, "\u00ff\u00fe" is not UTF-8.
    [Theory]
    [InlineData("Idempotency-Key: cl\u00c3\u00a9-1", "idempotency.key_invalid", "Idempotency-Key")]
    [InlineData("Idempotency-Key: \u00ff\u00fe", "idempotency.key_invalid", "Idempotency-Key")]
    [InlineData("Idempotency-Key: two words", "idempotency.key_invalid", "Idempotency-Key")]
    public async Task A_header_that_is_not_readable_text_is_a_400_naming_it(string header, string code, string field)
    {
        var body = "{\"customerCode\":\"NOBODY\",\"lines\":[]}"u8.ToArray();

        var response = await RawHttp.SendAsync(_api, RawHttp.Head("POST /api/orders HTTP/1.1", "Content-Type: application/json",
            $"Content-Length: {body.Length}", header), body);

        response.ShouldBeProblem(400, code).ShouldHaveFieldErrors(field);
    }

    [Theory]
    [InlineData("GET /api/orders/%00 HTTP/1.1")]
    [InlineData("GET /api/orders%00 HTTP/1.1")]
    [InlineData("GET /api/\u00ff HTTP/1.1")]
    public async Task A_path_the_server_cannot_read_is_a_400_request_malformed(string requestLine)
    {
        var response = await RawHttp.SendAsync(_api, RawHttp.Head(requestLine));

        response.ShouldBeProblem(400, "request.malformed");
        response.Header("Connection").ShouldBe("close");
    }

    [Theory]
    [InlineData("GET /api/nothing-here HTTP/1.1", 404, "route.not_found")]
    [InlineData("DELETE /api/orders HTTP/1.1", 405, "route.method_not_allowed")]
    [InlineData("GET /api/orders?page=abc HTTP/1.1", 400, "request.malformed")]
    public async Task A_request_refused_by_routing_or_binding_is_problem_details(string requestLine, int status, string code)
    {
        var response = await RawHttp.SendAsync(_api, RawHttp.Head(requestLine));

        response.ShouldBeProblem(status, code);
    }

    [Theory]
    [InlineData("text/plain", "customer=ALFKI", 415, "request.content_type_not_json")]
    [InlineData("application/json", "{\"customerCode\":", 400, "request.malformed")]
    [InlineData("application/json", "{\"customerCode\":\"A\",\"customerCode\":\"B\",\"lines\":[]}", 400, "request.duplicate_key")]
    public async Task A_body_the_endpoint_cannot_read_is_problem_details(string contentType, string body, int status, string code)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        var response = await RawHttp.SendAsync(_api, RawHttp.Head("POST /api/orders HTTP/1.1", $"Content-Type: {contentType}",
            $"Content-Length: {bytes.Length}"), bytes);

        response.ShouldBeProblem(status, code);
    }
}
