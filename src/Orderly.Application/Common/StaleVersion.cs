namespace Orderly.Application.Common;

/// <summary>The client changed a version it had not seen (If-Match did not match; HTTP 412).</summary>
public sealed class StaleVersion(string what, int expected, int current)
    : Exception($"{what} is at version {current}, not {expected}: someone changed it since you read it. Read it again and retry.")
{
    public const string Code = "concurrency.stale_version";
    public int Current { get; } = current;
}
