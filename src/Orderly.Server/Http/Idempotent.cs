using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orderly.Application.Idempotency;

namespace Orderly.Server.Http;

/// <summary>
/// Runs a POST at most once per Idempotency-Key: the response is stored with the effect and replayed for a retry with
/// the same body (compared after parsing, so whitespace does not matter); another body under the same key is a 422.
/// </summary>
internal sealed class Idempotent(IdempotentRequests requests, IOptions<JsonOptions> json)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task<IResult> CreatedAsync<TRequest, TResponse>(HttpRequest http, string scope, TRequest body,
        Func<Task<TResponse>> execute, Func<TResponse, string?> location, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var stored = await requests.RunAsync(scope, http.IdempotencyKey(), JsonSerializer.Serialize(body, options), async () =>
        {
            var response = await execute();
            return new StoredResponse(StatusCodes.Status201Created, JsonSerializer.Serialize(response, options), location(response), false);
        }, ct);
        return Replay(http, stored);
    }

    /// <summary>As <see cref="CreatedAsync"/> for a 200 answer; <paramref name="etag"/> tags a fresh (not replayed) response.</summary>
    public async Task<IResult> OkAsync<TRequest, TResponse>(HttpRequest http, string scope, TRequest body,
        Func<Task<TResponse>> execute, Func<TResponse, string> etag, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        string? tag = null;
        var stored = await requests.RunAsync(scope, http.IdempotencyKey(), JsonSerializer.Serialize(body, options), async () =>
        {
            var response = await execute();
            tag = etag(response);
            return new StoredResponse(StatusCodes.Status200OK, JsonSerializer.Serialize(response, options), null, false);
        }, ct);
        if (!stored.Replayed && tag is not null) http.HttpContext.Response.Headers.ETag = tag;
        return Replay(http, stored);
    }

    private static IResult Replay(HttpRequest http, StoredResponse stored)
    {
        if (stored.Location is { } location) http.HttpContext.Response.Headers.Location = location;
        if (stored.Replayed) http.HttpContext.Response.Headers[ReplayedHeader] = "true";
        return Results.Content(stored.Body, "application/json", statusCode: stored.StatusCode);
    }
}
