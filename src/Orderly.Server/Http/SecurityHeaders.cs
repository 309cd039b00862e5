namespace Orderly.Server.Http;

/// <summary>
/// The headers every response carries, whatever its status (set when the response starts, so refusals and errors carry
/// them too): <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c>, <c>Referrer-Policy: no-referrer</c>,
/// and the <c>Content-Security-Policy</c> that <see cref="ContentSecurityPolicyFor"/> picks for the path. Over HTTPS the
/// framework's HSTS middleware adds <c>Strict-Transport-Security: max-age=31536000</c> (not for localhost, not over plain
/// HTTP, where a browser ignores it). ADR 0020.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The API's policy: JSON is never a page, so nothing may load, run or frame it. The OpenAPI document
    /// (<c>/openapi/v1.json</c>) is JSON too; the only HTML pages are the UI's, under <c>/app</c>.
    /// </summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The web UI's pages (ADR 0024): their own styles and files only, inline styles for the component library's theme,
    /// no script, forms posted only back to this server, never framed.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Path prefix → policy, first match wins: the one place that decides which Content-Security-Policy a path gets. The
    /// UI's pages have theirs; every other path keeps the API's.
    /// </summary>
    private static readonly (PathString Prefix, string Policy)[] Policies =
    [
        (Ui.UiRoutes.Prefix, PagePolicy),
        ("/", ApiPolicy),
    ];

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.UseHsts();
        return app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = ContentSecurityPolicyFor(http.Request.Path);
                return Task.CompletedTask;
            });
            await next(http);
        });
    }

    /// <summary>The Content-Security-Policy for a request to <paramref name="path"/> (see <see cref="Policies"/>).</summary>
    public static string ContentSecurityPolicyFor(PathString path)
    {
        foreach (var (prefix, policy) in Policies)
            if (prefix == "/" || path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) return policy;
        return ApiPolicy;
    }
}
