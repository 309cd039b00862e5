using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Orderly.Server.Http;

/// <summary>
/// Every state change under <c>/api</c> (POST, PUT, PATCH, DELETE) must say <c>Content-Type: application/json</c>
/// (a <c>charset</c> parameter is allowed; <c>application/problem+json</c>, forms and text are not), also when it sends
/// no body: such a request may have an empty body or <c>{}</c>. Anything else is refused with 415
/// <c>request.content_type_not_json</c> once routing found the endpoint, before binding or any read or write, so nothing
/// changes. A request no endpoint takes keeps its 404 or 405: it cannot change anything either.
/// </summary>
/// <remarks>
/// Why (ADR 0020, issue 10): a browser on another site can send a form (<c>application/x-www-form-urlencoded</c>,
/// <c>multipart/form-data</c>, <c>text/plain</c>) or a bodyless <c>fetch</c> without asking first (no CORS preflight),
/// and Orderly's bodyless commands (<c>submit</c>, <c>ship</c>, an invoice) would run. A JSON content type is one such a
/// page cannot set without a preflight, which Orderly does not grant. This is also the one answer for a body that is not
/// JSON (the framework's own 415, <see cref="StatusProblems"/>, gives the same problem).
/// </remarks>
internal static class JsonOnlyWrites
{
    public const string Code = "request.content_type_not_json";
    private const string Json = "application/json";

    public static IApplicationBuilder UseJsonOnlyWrites(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsStateChange(http.Request) && ReachesEndpoint(http) && !IsJson(http.Request.ContentType))
        {
            await Problems.WriteAsync(http, Problem(http.Request.ContentType), http.RequestAborted);
            return;
        }
        await next(http);
    });

    /// <summary>A POST, PUT, PATCH or DELETE under <c>/api</c>: the requests that change state.</summary>
    public static bool IsStateChange(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
            || HttpMethods.IsDelete(request.Method));

    /// <summary>Whether routing matched an endpoint that takes the request's method (not the framework's 405 endpoint).</summary>
    private static bool ReachesEndpoint(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods
        && methods.HttpMethods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="contentType"/> is <c>application/json</c>, with or without parameters (any case).</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>The one answer to a state change that is not sent as JSON; <paramref name="sent"/> is the Content-Type it had.</summary>
    public static ProblemDetails Problem(string? sent)
    {
        var had = string.IsNullOrWhiteSpace(sent) ? "this one has none" : $"this one is '{Shorten(sent)}'";
        return Problems.Create(415, Code, "Changes are taken as JSON only.",
            $"A POST, PUT, PATCH or DELETE under /api must carry the header Content-Type: application/json; {had}. " +
            "Send the body as JSON; a request without a body sends the header with an empty body (or {}).");
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
