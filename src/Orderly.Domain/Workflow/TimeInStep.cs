namespace Orderly.Domain.Workflow;

/// <summary>
/// The time a step took, in working minutes of its calendar, counted in fixed buckets so that the process figures
/// (issue 11 item 8, the seeds' "processing time per step") read a bounded number of rows whatever the number of orders:
/// bucket 0 holds the steps done at once (no working time: an automatic review, a step done outside working hours),
/// bucket <c>i</c> durations above <see cref="UpperBounds"/>[i − 1] up to <see cref="UpperBounds"/>[i]; the last
/// everything above 17,280 minutes (32 working days of 9 hours). Percentiles are estimated by linear interpolation
/// within the bucket that holds them, so they are exact at bucket edges and off by at most one bucket's width between.
/// </summary>
public static class TimeInStep
{
    /// <summary>The buckets' upper bounds in working minutes, increasing; one more bucket holds what lies above the last.</summary>
    public static readonly IReadOnlyList<int> UpperBounds =
        [0, 5, 10, 15, 30, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440, 2160, 2880, 4320, 5760, 8640, 11520, 17280];

    public static int BucketCount => UpperBounds.Count + 1;

    /// <summary>The bucket of a duration (negative durations count as zero).</summary>
    public static int BucketOf(decimal minutes)
    {
        for (var i = 0; i < UpperBounds.Count; i++)
            if (minutes <= UpperBounds[i]) return i;
        return UpperBounds.Count;
    }

    /// <summary>
    /// The estimated <paramref name="share"/> quantile (0.5 for the median, 0.9 for p90) in working minutes of the
    /// durations counted in <paramref name="counts"/> (one count per bucket); null when nothing was counted. A quantile in
    /// the open last bucket is reported as its lower bound.
    /// </summary>
    public static decimal? Quantile(IReadOnlyList<long> counts, decimal share)
    {
        if (counts.Count != BucketCount) throw new ArgumentException($"Give {BucketCount} bucket counts.", nameof(counts));
        if (share is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(share), "A quantile's share lies between 0 and 1.");
        var total = counts.Sum();
        if (total == 0) return null;
        var rank = share * total;
        var below = 0L;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0) continue;
            if (below + counts[i] >= rank || i == counts.Count - 1)
            {
                decimal lower = i == 0 ? 0 : UpperBounds[i - 1];
                if (i == UpperBounds.Count) return lower;
                var within = counts[i] == 0 ? 0 : (rank - below) / counts[i];
                return Math.Round(lower + (UpperBounds[i] - lower) * Math.Clamp(within, 0m, 1m), 1);
            }
            below += counts[i];
        }
        return null;
    }
}
