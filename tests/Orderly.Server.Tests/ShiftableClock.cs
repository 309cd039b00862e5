namespace Orderly.Server.Tests;

/// <summary>The real time, moved forward on request: lets a test see tomorrow (a supplier's promise passing) without waiting.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private TimeSpan _shift;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;

    public void Advance(TimeSpan by) => _shift += by;

    /// <summary>Sets the clock to <paramref name="instant"/>; it runs on from there in real time (milliseconds per test).</summary>
    public void MoveTo(DateTimeOffset instant) => _shift = instant - base.GetUtcNow();
}
