using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Orderly.Application.Idempotency;
using Orderly.Server.People;

namespace Orderly.Server.Http;

/// <summary>
/// Runs a POST at most once per Idempotency-Key of its caller (the signed-in user's id, ADR 0019): the response is stored with the effect
/// and replayed, with its <c>Location</c> and <c>ETag</c>, for a retry with the same path and body (compared after
/// parsing, so whitespace does not matter). The operation is the endpoint's method and route template; refusals are
/// those of <see cref="IdempotentRequests"/> (400, 422).
/// </summary>
internal sealed class Idempotent(IdempotentRequests requests, IOptions<JsonOptions> json)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>A 201 answer at <paramref name="location"/>; <paramref name="etag"/> tags it when it is a versioned resource.</summary>
    public Task<IResult> CreatedAsync<TRequest, TResponse>(HttpRequest http, TRequest body, Func<Task<TResponse>> execute,
        Func<TResponse, string?> location, Func<TResponse, string?> etag, CancellationToken ct) =>
        RunAsync(http, body, StatusCodes.Status201Created, execute, location, etag, ct);

    /// <summary>As <see cref="CreatedAsync"/> for a 200 answer tagged with <paramref name="etag"/>.</summary>
    public Task<IResult> OkAsync<TRequest, TResponse>(HttpRequest http, TRequest body, Func<Task<TResponse>> execute,
        Func<TResponse, string?> etag, CancellationToken ct) =>
        RunAsync(http, body, StatusCodes.Status200OK, execute, _ => null, etag, ct);

    private async Task<IResult> RunAsync<TRequest, TResponse>(HttpRequest http, TRequest body, int status, Func<Task<TResponse>> execute,
        Func<TResponse, string?> location, Func<TResponse, string?> etag, CancellationToken ct)
    {
        var options = json.Value.SerializerOptions;
        var request = new IdempotentRequest(http.HttpContext.User.UserId().ToString(), http.IdempotencyKey(), Operation(http), http.Path.Value ?? "",
            JsonSerializer.Serialize(body, options));
        var stored = await requests.RunAsync(request, async () =>
        {
            var response = await execute();
            return new StoredResponse(status, JsonSerializer.Serialize(response, options), location(response), etag(response), false);
        }, ct);
        var headers = http.HttpContext.Response.Headers;
        if (stored.Location is { } at) headers.Location = at;
        if (stored.ETag is { } tag) headers.ETag = tag;
        if (stored.Replayed) headers[ReplayedHeader] = "true";
        return Results.Content(stored.Body, "application/json", statusCode: stored.StatusCode);
    }

    /// <summary>The endpoint's method and route template, e.g. <c>POST /api/orders/{id:guid}/{command}</c>.</summary>
    private static string Operation(HttpRequest http) =>
        $"{http.Method} {(http.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Path.Value}";
}
