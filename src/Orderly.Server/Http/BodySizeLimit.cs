using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Orderly.Server.Http;

/// <summary>
/// Refuses bodies over <see cref="MaxBytes"/> with 413 <c>request.too_large</c> before anything reads them: by the
/// declared length, and for chunked bodies through the server's own limit (which the framework reports as a bare 413,
/// turned into the same problem by <see cref="StatusProblems"/>).
/// </summary>
internal static class BodySizeLimit
{
    public const long MaxBytes = 1024 * 1024;
    public const string Code = "request.too_large";

    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            await Problems.WriteAsync(http, Problem(http.Request.ContentLength), http.RequestAborted);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        await next(http);
    });

    /// <summary>The one answer to a body that is too large, whether its length was declared or it came in chunks.</summary>
    public static ProblemDetails Problem(long? declaredBytes)
    {
        var sent = declaredBytes is { } bytes ? $"this one declares {bytes} bytes" : "this one is longer";
        return Problems.Create(413, Code, "The request body is too large.",
            $"Bodies are limited to {MaxBytes / 1024} KiB; {sent}. Send less per request.");
    }
}
