namespace Orderly.Application.Common;

/// <summary>
/// Which running server this is, among the instances that share one database (ADR 0018): machine name, process id and a
/// short random part (a restarted process that got the same pid is another instance), e.g. <c>web-1:4711:3f9a1c</c>.
/// One per service provider, which in production is one per process; logged at start.
/// </summary>
public sealed record InstanceId(string Value)
{
    public static InstanceId New() =>
        new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}");

    public override string ToString() => Value;
}
