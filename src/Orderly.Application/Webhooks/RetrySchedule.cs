namespace Orderly.Application.Webhooks;

/// <summary>
/// When a failed delivery is tried again (ADR 0015): exponential backoff with jitter, so that receivers coming back from
/// an outage are not hit by every sender at the same second.
/// </summary>
public static class RetrySchedule
{
    /// <summary>
    /// The wait after failed attempt <paramref name="attempts"/> (1 for the first): <c>min(base × 2^(attempts−1), max)</c>
    /// scaled by <c>0.5 + 0.5 × <paramref name="jitter"/></c>, where <paramref name="jitter"/> is uniform in [0, 1).
    /// </summary>
    public static TimeSpan DelayAfter(int attempts, double jitter, WebhookOptions options)
    {
        var full = Math.Min(options.RetryBaseSeconds * Math.Pow(2, Math.Min(attempts - 1, 40)), options.RetryMaxSeconds);
        return TimeSpan.FromSeconds(full * (0.5 + 0.5 * Math.Clamp(jitter, 0, 1)));
    }
}
