using System.Globalization;

namespace Orderly.Server.Http;

/// <summary>
/// <c>Orderly:RateLimits:ApiRequestsPerMinute</c> (default 3,000: requests under <c>/api</c> per caller and minute) and
/// <c>Orderly:RateLimits:SignInAttemptsPerMinute</c> (default 10: sign-in attempts per client IP and minute), read by
/// <see cref="RateLimits"/>. Each is a whole number from 1 to 1,000,000,000; anything else stops the start naming the
/// setting. <c>bench/run</c> sets the API limit to 1,000,000,000 so its 32 clients (one IP, one actor) are never refused
/// while the limiter still runs. ADR 0020.
/// </summary>
internal sealed record RateLimitSettings(int ApiRequestsPerMinute, int SignInAttemptsPerMinute)
{
    public const string Section = "Orderly:RateLimits";
    public const int Max = 1_000_000_000;
    public static readonly RateLimitSettings Default = new(3_000, 10);

    /// <summary>The configured limits; a value that is no whole number from 1 to <see cref="Max"/> gives the default and a <paramref name="problem"/>.</summary>
    public static RateLimitSettings Of(IConfiguration configuration, out string? problem)
    {
        problem = null;
        var api = Read(configuration, nameof(ApiRequestsPerMinute), Default.ApiRequestsPerMinute, "requests under /api per caller and minute", ref problem);
        var signIn = Read(configuration, nameof(SignInAttemptsPerMinute), Default.SignInAttemptsPerMinute, "sign-in attempts per client IP and minute", ref problem);
        return problem is null ? new(api, signIn) : Default;
    }

    private static int Read(IConfiguration configuration, string name, int fallback, string meaning, ref string? problem)
    {
        var key = $"{Section}:{name}";
        var text = configuration[key];
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= Max) return value;
        problem ??= $"{key} is '{text}'; it is how many {meaning} are let through, a whole number from 1 to {Max.ToString("N0", CultureInfo.InvariantCulture)} (for example {fallback}).";
        return fallback;
    }
}
