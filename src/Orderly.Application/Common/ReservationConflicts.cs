using System.Diagnostics.Metrics;

namespace Orderly.Application.Common;

/// <summary>
/// Counts reservations that met another writer: counter <c>orderly.reservation.conflicts</c> (Meter "Orderly",
/// Prometheus <c>orderly_reservation_conflicts_total</c>) with attribute <c>kind</c>:
/// <list type="bullet">
/// <item><c>short_of_stock</c>: a <c>reserve</c> found less free stock than a line asked for, so the rest of the line
/// is backordered (one per line; <see cref="Sales.OrderReservations.ReserveAsync"/>);</item>
/// <item><c>stock_taken</c>: a reservation's conditional update found less free stock than it asked for, because
/// another reservation took it first (<see cref="Inventory.StockLedger"/> then asks again for what is free);</item>
/// <item><c>concurrency_refusal</c>: a request refused because what it changes changed under it (412
/// <c>concurrency.stale_version</c>, 409 <c>concurrency.conflict</c>), with attribute <c>code</c>.</item>
/// </list>
/// One per service provider.
/// </summary>
public sealed class ReservationConflicts
{
    private readonly Counter<long> _conflicts;

    public ReservationConflicts(Meter meter) =>
        _conflicts = meter.CreateCounter<long>("orderly.reservation.conflicts", "{conflict}",
            "Reservations that found less free stock than they asked for, and requests refused because their record changed under them.");

    /// <summary>A <c>reserve</c> left a line short: less free stock than it asked for.</summary>
    public void ShortOfStock() => _conflicts.Add(1, new KeyValuePair<string, object?>("kind", "short_of_stock"));

    /// <summary>A conditional reservation update found less free stock than it asked for.</summary>
    public void StockTaken() => _conflicts.Add(1, new KeyValuePair<string, object?>("kind", "stock_taken"));

    /// <summary>A request was refused with <paramref name="code"/> because its record changed under it.</summary>
    public void Refused(string code) =>
        _conflicts.Add(1, new KeyValuePair<string, object?>("kind", "concurrency_refusal"), new KeyValuePair<string, object?>("code", code));
}
