using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Application.Inventory;

/// <summary>
/// The only code that changes stock levels. Every change is one conditional UPDATE (the check and the write are a
/// single statement in the database, never read-then-write here) plus its movement in the ledger, so on hand always
/// equals the sum of movements and reserved never exceeds on hand. Callers save the movements in their transaction.
/// </summary>
public sealed class StockLedger(OrderlyDbContext db, TimeProvider clock, ReservationConflicts conflicts)
{
    /// <summary>
    /// Goods in. Refused with 400 <c>stock.on_hand_limit</c> on <c>quantity</c> when on hand would pass
    /// <see cref="Limits.MaxOnHand"/>; the bound is compared, never added to, so a stored value cannot overflow here.
    /// </summary>
    public async Task ReceiveAsync(WarehouseId warehouse, string sku, decimal quantity, string reference, string actor, CancellationToken ct)
    {
        await EnsureLevelAsync(warehouse, sku, ct);
        var room = Limits.MaxOnHand - quantity;
        var changed = await Level(warehouse, sku).Where(s => s.OnHand <= room)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, x => x.OnHand + quantity), ct);
        if (changed == 0) throw OnHandLimit("quantity", sku, quantity);
        db.StockMovements.Add(StockMovement.Receipt(warehouse, sku, quantity, reference, actor, clock.GetUtcNow()));
    }

    /// <summary>
    /// Counts found or lost stock; refused (409 <c>stock.adjustment_below_reserved</c>) when it would leave less on hand
    /// than is reserved, and (400 <c>stock.on_hand_limit</c> on <c>change</c>) when more than <see cref="Limits.MaxOnHand"/>.
    /// </summary>
    public async Task AdjustAsync(WarehouseId warehouse, string sku, decimal change, string reference, string actor, CancellationToken ct)
    {
        await EnsureLevelAsync(warehouse, sku, ct);
        var room = Limits.MaxOnHand - change;
        var changed = await Level(warehouse, sku)
            .Where(s => s.OnHand <= room && s.OnHand + change >= s.Reserved)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, x => x.OnHand + change), ct);
        if (changed == 0 && !await Level(warehouse, sku).AnyAsync(s => s.OnHand <= room, ct)) throw OnHandLimit("change", sku, change);
        if (changed == 0)
            throw new BusinessRuleViolation("stock.adjustment_below_reserved",
                $"Adjusting {sku} by {change} would leave less on hand than is reserved; release reservations first.");
        db.StockMovements.Add(StockMovement.Adjustment(warehouse, sku, change, reference, actor, clock.GetUtcNow()));
    }

    /// <summary>
    /// Reserves as much of <paramref name="wanted"/> as is available, atomically; returns what was reserved. Each time the
    /// conditional update finds less free than it asks for, it counts a <see cref="ReservationConflicts.StockTaken"/>.
    /// </summary>
    public async Task<decimal> ReserveUpToAsync(WarehouseId warehouse, string sku, decimal wanted, OrderId order, string reference,
        string actor, CancellationToken ct)
    {
        var quantity = wanted;
        for (var attempt = 0; attempt < 5 && quantity > 0; attempt++)
        {
            var take = quantity;
            var reserved = await Level(warehouse, sku)
                .Where(s => s.OnHand - s.Reserved >= take)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved + take), ct);
            if (reserved == 1)
            {
                db.StockMovements.Add(StockMovement.Reservation(warehouse, sku, take, order, reference, actor, clock.GetUtcNow()));
                return take;
            }
            // Not all of it is free: try again for what is free now. The conditional update above stays the
            // guard, so a competing reservation in between only makes this attempt fail, never oversell.
            conflicts.StockTaken();
            quantity = await Level(warehouse, sku).Select(s => s.OnHand - s.Reserved).FirstOrDefaultAsync(ct);
            quantity = Math.Min(quantity, wanted);
        }
        return 0m;
    }

    public async Task ReleaseAsync(WarehouseId warehouse, string sku, decimal quantity, OrderId order, string reference, string actor,
        CancellationToken ct)
    {
        var changed = await Level(warehouse, sku)
            .Where(s => s.Reserved >= quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Reserved, x => x.Reserved - quantity), ct);
        EnsureOneRow(changed, $"release {quantity} {sku}");
        db.StockMovements.Add(StockMovement.Release(warehouse, sku, quantity, order, reference, actor, clock.GetUtcNow()));
    }

    /// <summary>Goods issue: reserved stock leaves the warehouse.</summary>
    public async Task IssueAsync(WarehouseId warehouse, string sku, decimal quantity, OrderId order, string reference, string actor,
        CancellationToken ct)
    {
        var changed = await Level(warehouse, sku)
            .Where(s => s.Reserved >= quantity && s.OnHand >= quantity)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.OnHand, x => x.OnHand - quantity)
                .SetProperty(x => x.Reserved, x => x.Reserved - quantity), ct);
        EnsureOneRow(changed, $"ship {quantity} {sku}");
        db.StockMovements.Add(StockMovement.Shipment(warehouse, sku, quantity, order, reference, actor, clock.GetUtcNow()));
    }

    private IQueryable<StockLevel> Level(WarehouseId warehouse, string sku) =>
        db.StockLevels.Where(s => s.WarehouseId == warehouse && s.Sku == sku);

    private async Task EnsureLevelAsync(WarehouseId warehouse, string sku, CancellationToken ct)
    {
        if (await Level(warehouse, sku).AnyAsync(ct)) return;
        var level = StockLevel.Empty(warehouse, sku);
        db.StockLevels.Add(level);
        await db.SaveChangesAsync(ct);
        db.Entry(level).State = EntityState.Detached;
    }

    private static InvalidInput OnHandLimit(string field, string sku, decimal quantity) =>
        InvalidInput.ForField(field, "stock.on_hand_limit",
            $"Adding {quantity} would take {sku} in this warehouse past {Limits.MaxOnHand:N0} on hand, the most Orderly holds.");

    // A reservation recorded on an order always has its stock behind it; a miss here is a broken invariant, not a user error.
    private static void EnsureOneRow(int changed, string what)
    {
        if (changed != 1) throw new InvalidOperationException($"Stock ledger out of step: could not {what}.");
    }
}
