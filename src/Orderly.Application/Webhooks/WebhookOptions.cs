using System.Globalization;

namespace Orderly.Application.Webhooks;

/// <summary>
/// Settings under <c>Orderly:Webhooks</c> (ADR 0015). The retry after failed attempt n waits
/// <c>min(RetryBaseSeconds × 2^(n−1), RetryMaxSeconds)</c> times a random factor between 0.5 and 1 (jitter), see
/// <see cref="RetrySchedule"/>.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>Seconds between the dispatcher's looks when nothing wakes it (default 5; 0 turns the dispatcher off).</summary>
    public double DispatchIntervalSeconds { get; set; } = 5;

    /// <summary>Seconds a receiver has to answer one attempt (default 10; fractions allowed).</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts of one delivery before it is given up (Failed; default 12).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Seconds before the first retry (default 30); each further retry waits twice as long, up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    /// <summary>The longest wait between two attempts, in seconds (default 21,600: 6 hours).</summary>
    public double RetryMaxSeconds { get; set; } = 21_600;

    /// <summary>Failed attempts in a row, over all of a subscription's deliveries, that disable it (default 20). A 410 Gone disables it at once.</summary>
    public int DisableAfterFailures { get; set; } = 20;

    /// <summary>What is wrong with these settings, naming the setting, or null; a problem stops the start (Program.cs).</summary>
    public string? Problem()
    {
        static string Bad(string name, double value, string rule) =>
            $"Orderly:Webhooks:{name} is {value.ToString(CultureInfo.InvariantCulture)}; it must be {rule}.";
        if (DispatchIntervalSeconds < 0 || double.IsNaN(DispatchIntervalSeconds)) return Bad(nameof(DispatchIntervalSeconds), DispatchIntervalSeconds, "0 (off) or more seconds");
        if (TimeoutSeconds is <= 0 or > 300 || double.IsNaN(TimeoutSeconds)) return Bad(nameof(TimeoutSeconds), TimeoutSeconds, "above 0 and at most 300 seconds");
        if (MaxAttempts is < 1 or > 100) return Bad(nameof(MaxAttempts), MaxAttempts, "1 to 100 attempts");
        if (RetryBaseSeconds is <= 0 || double.IsNaN(RetryBaseSeconds)) return Bad(nameof(RetryBaseSeconds), RetryBaseSeconds, "above 0 seconds");
        if (RetryMaxSeconds > 7 * 86_400) return Bad(nameof(RetryMaxSeconds), RetryMaxSeconds, "at most 7 days (604800 seconds)");
        if (RetryMaxSeconds < RetryBaseSeconds)
            return $"Orderly:Webhooks:RetryBaseSeconds ({RetryBaseSeconds.ToString(CultureInfo.InvariantCulture)}) is above Orderly:Webhooks:RetryMaxSeconds "
                + $"({RetryMaxSeconds.ToString(CultureInfo.InvariantCulture)}): the first retry would wait longer than any retry may. Lower the first or raise the second.";
        if (DisableAfterFailures < 1) return Bad(nameof(DisableAfterFailures), DisableAfterFailures, "1 or more failures");
        return null;
    }
}
