namespace Orderly.Server.Demo;

/// <summary>
/// For demos and training only (<c>Orderly:DemoClockOffsetDays</c>): the server lives that many days ahead, so a
/// supplier's promised date can pass without waiting for it. Never set it on a production system.
/// </summary>
internal sealed class ShiftedClock(int days) : TimeProvider
{
    public const string Setting = "Orderly:DemoClockOffsetDays";

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddDays(days);
}
