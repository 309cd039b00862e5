namespace Orderly.Server.Http;

/// <summary>
/// The defences a request meets before any endpoint (ADR 0020), wired in two places of the pipeline:
/// <see cref="SecurityHeaders"/> first of all, so that every response carries them; then, after the body size limit,
/// the rate limits (<see cref="RateLimits"/>) and the JSON-only rule for state changes (<see cref="JsonOnlyWrites"/>).
/// </summary>
internal static class RequestDefences
{
    /// <summary>Registers the headers and the limiters; the limits come from <c>Orderly:RateLimits</c>, which <see cref="StartupSettings"/> has checked.</summary>
    public static IServiceCollection AddRequestDefences(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSecurityHeaders().AddRateLimits(RateLimitSettings.Of(configuration, out _));

    /// <summary>
    /// The rate limiter, then the JSON-only rule: a flood of refused requests still counts against its caller. When
    /// authentication comes, it must run before this, so the limiter partitions by the signed-in user.
    /// </summary>
    public static IApplicationBuilder UseRequestDefences(this IApplicationBuilder app) =>
        app.UseRateLimiter().UseJsonOnlyWrites();
}
