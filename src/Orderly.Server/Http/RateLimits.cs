using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Orderly.Server.Http;

/// <summary>
/// ASP.NET Core rate limiting, in fixed windows of one minute (<see cref="RateLimitSettings"/>): every request under
/// <c>/api</c> counts against its caller (<see cref="CallerOf"/>); the sign-in endpoint also takes the
/// <see cref="SignIn"/> policy, per client IP. Health checks, <c>/metrics</c> and <c>/openapi</c> are never limited. A
/// request over a limit is refused with 429 <c>request.rate_limited</c> and <c>Retry-After</c> (whole seconds until the
/// window ends), before anything is read or written. ADR 0020.
/// </summary>
internal static class RateLimits
{
    /// <summary>The policy the sign-in endpoint attaches (<c>.RequireRateLimiting(RateLimits.SignIn)</c>): attempts per client IP.</summary>
    public const string SignIn = "sign-in";

    public const string Code = "request.rate_limited";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddRateLimits(this IServiceCollection services, RateLimitSettings settings) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(CallerOf(http), _ => PerMinute(settings.ApiRequestsPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddressOf(http), _ => PerMinute(settings.SignInAttemptsPerMinute)));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, ct) => RefuseAsync(rejected.HttpContext, rejected.Lease, ct);
        });

    /// <summary>
    /// Who a request counts against: the signed-in user (<c>user:</c> and the name) when there is one, else the caller's
    /// credentials (<c>credentials:</c> and the SHA-256 of the Authorization header, never the secret itself), else the
    /// client's address (<c>ip:</c>). Authentication must run before the limiter for the first to apply.
    /// </summary>
    public static string CallerOf(HttpContext http)
    {
        if (http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }) return $"user:{name}";
        if (http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
            return $"credentials:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)))}";
        return ClientAddressOf(http);
    }

    /// <summary>The client's IP address as the connection gives it (<c>ip:</c> and the address; <c>ip:unknown</c> without one).</summary>
    public static string ClientAddressOf(HttpContext http) => $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = Window,
        QueueLimit = 0, // refuse at once with Retry-After rather than hold a request (and its connection) for up to a minute
        AutoReplenishment = true,
    };

    private static async ValueTask RefuseAsync(HttpContext http, RateLimitLease lease, CancellationToken ct)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Window.TotalSeconds;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(http, Problems.Create(429, Code, "Too many requests.",
            $"This caller sent more requests than its limit allows in a minute. Retry after {seconds} seconds (Retry-After)."), ct);
    }
}
