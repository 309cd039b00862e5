using Microsoft.AspNetCore.Mvc;

namespace Orderly.Server.Http;

/// <summary>
/// Gives a Problem Details body with a stable <c>code</c> to every error status the framework sets without one:
/// 404 <c>route.not_found</c> (no route), 405 <c>route.method_not_allowed</c>, 413 <c>request.too_large</c> (a chunked
/// body over the limit), 415 <c>request.unsupported_media_type</c>, 400 <c>request.malformed</c>, and
/// <c>http.&lt;status&gt;</c> for any other (for example <c>http.408</c>).
/// </summary>
internal static class StatusProblems
{
    public static IApplicationBuilder UseStatusProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async status =>
        {
            var http = status.HttpContext;
            await Problems.WriteAsync(http, For(http), http.RequestAborted);
        });

    private static ProblemDetails For(HttpContext http)
    {
        var request = http.Request;
        const string title = "The request could not be served.";
        return http.Response.StatusCode switch
        {
            404 => Problems.Create(404, "route.not_found", title,
                $"Nothing lives at {request.Method} {request.Path}. The API is described at /openapi/v1.json."),
            405 => Problems.Create(405, "route.method_not_allowed", title, $"{request.Method} is not supported on {request.Path}."),
            413 => BodySizeLimit.Problem(request.ContentLength),
            415 => Problems.Create(415, "request.unsupported_media_type", title,
                "Send the body as JSON with the header Content-Type: application/json."),
            400 => Problems.Create(400, "request.malformed", "The request could not be read.",
                "The request is malformed: check its path, query, headers and body."),
            var other => Problems.Create(other, $"http.{other}", title, $"The server answered {other} to {request.Method} {request.Path}."),
        };
    }
}
