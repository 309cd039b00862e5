namespace Orderly.Bench;

/// <summary>
/// Every timing of one step (a request kind, or a whole placed order) in one workload: latencies, the outcome of each
/// request by status, and the SQL statements the server reported for it. Safe to record into from many clients.
/// </summary>
public sealed class StepStats(string name)
{
    private readonly Lock _gate = new();
    private readonly List<double> _okMillis = [];
    private readonly List<int> _statements = [];
    private readonly SortedDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>A 2xx answer after <paramref name="millis"/>; <paramref name="statements"/> from Server-Timing, if sent.</summary>
    public void Succeeded(double millis, int? statements)
    {
        lock (_gate)
        {
            _okMillis.Add(millis);
            if (statements is { } n) _statements.Add(n);
        }
    }

    /// <summary>A non-2xx status (as its number) or a transport failure (timeout, connection), never retried.</summary>
    public void Failed(string outcome)
    {
        lock (_gate) _failures[outcome] = _failures.GetValueOrDefault(outcome) + 1;
    }

    public StepSummary Summarize()
    {
        lock (_gate)
        {
            var sorted = _okMillis.Order().ToArray();
            return new StepSummary(Name, sorted.Length, _failures.Values.Sum(),
                Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted.Average(),
                _statements.Count == 0 ? null : _statements.Average(), new SortedDictionary<string, int>(_failures));
        }
    }

    /// <summary>Nearest-rank percentile of sorted values; 0 when there are none.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// One step's figures: successful requests with their latency percentiles in milliseconds, failed requests by outcome
/// (status code, "timeout", "transport"), and the mean SQL statements per request when the server reports them.
/// </summary>
public sealed record StepSummary(
    string Name, int Ok, int Failed, double P50, double P95, double P99, double Mean, double? Statements,
    SortedDictionary<string, int> Failures)
{
    public int Unavailable => Failures.GetValueOrDefault("503");
}
