using Microsoft.AspNetCore.Http.Features;

namespace Orderly.Server.Http;

/// <summary>
/// Refuses bodies over <see cref="MaxBytes"/> with 413 before anything reads them: by the declared length, and for
/// chunked bodies through the server's own limit.
/// </summary>
internal static class BodySizeLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.ContentLength > MaxBytes)
        {
            await Problems.WriteAsync(http, Problems.Create(413, "request.too_large", "The request body is too large.",
                $"Bodies are limited to {MaxBytes / 1024} KiB; this one declares {http.Request.ContentLength} bytes. Send less per request."),
                http.RequestAborted);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        await next(http);
    });
}
