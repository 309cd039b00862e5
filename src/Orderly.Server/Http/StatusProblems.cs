using Microsoft.AspNetCore.Mvc;

namespace Orderly.Server.Http;

/// <summary>
/// Gives a Problem Details body with a stable <c>code</c> to every error status the framework sets without one:
/// 404 <c>route.not_found</c> (no route), 405 <c>route.method_not_allowed</c>, 413 <c>request.too_large</c> (a chunked
/// body over the limit), 415 <c>request.content_type_not_json</c> (<see cref="JsonOnlyWrites"/>), 400 <c>request.malformed</c>, 414
/// <c>request.uri_too_long</c>, 431 <c>request.headers_too_large</c>, and <c>http.&lt;status&gt;</c> for any other
/// (for example <c>http.408</c>). The same table answers the requests Kestrel refuses itself (<see cref="ServerRejections"/>).
/// </summary>
internal static class StatusProblems
{
    public static IApplicationBuilder UseStatusProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async status =>
        {
            var http = status.HttpContext;
            await Problems.WriteAsync(http, For(http), http.RequestAborted);
        });

    private static ProblemDetails For(HttpContext http) =>
        For(http.Response.StatusCode, $"{http.Request.Method} {http.Request.Path}", http.Request.ContentLength, http.Request.ContentType);

    /// <summary>The problem for an error status without a body; <paramref name="request"/> is "METHOD /path" when known.</summary>
    public static ProblemDetails For(int status, string? request, long? contentLength, string? contentType = null)
    {
        const string title = "The request could not be served.";
        return status switch
        {
            404 => Problems.Create(404, "route.not_found", title, $"Nothing lives at {request}. The API is described at /openapi/v1.json."),
            405 => Problems.Create(405, "route.method_not_allowed", title, $"The method is not supported here ({request})."),
            413 => BodySizeLimit.Problem(contentLength),
            415 => JsonOnlyWrites.Problem(contentType),
            400 => Problems.Create(400, "request.malformed", "The request could not be read.",
                "The request is malformed: its path, query or headers cannot be read (for example a %00 or a byte that is not " +
                "ASCII in the path, or a header line that is not well formed). Encode the path and send valid headers."),
            414 => Problems.Create(414, "request.uri_too_long", title, "The request line is too long; send long input in a body instead."),
            431 => Problems.Create(431, "request.headers_too_large", title, "The request headers are too large; send fewer or shorter headers."),
            var other => Problems.Create(other, $"http.{other}", title, $"The server answered {other}{(request is null ? "" : $" to {request}")}."),
        };
    }
}
