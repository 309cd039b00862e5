using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Application.Procurement;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Replenishment;

/// <summary>
/// The late-supplier half of the scan. A purchase order past its promised date with goods still open raises one alert,
/// and each open line gets a proposal to buy the open quantity from the available supplier, other than the late one,
/// that delivers soonest (today + its lead time; the late order has no date left to beat). The alert is resolved as soon as
/// the order is no longer late — received in full, cancelled, or re-promised by the supplier — by that event itself
/// (<see cref="AlertResolution"/>), and by the scan as a backstop. Each sales order waiting on it gets a late-supplier
/// exception for procurement (<see cref="Workflow.LateSupply"/>).
/// </summary>
internal sealed class LatePurchaseOrders(OrderlyDbContext db, SourcingOptions sourcing)
{
    public async Task CheckAsync(ScanRun run, IReadOnlyList<PurchaseOrder> openOrders, CancellationToken ct)
    {
        await ResolveNoLongerLateAsync(run, ct);
        var late = openOrders.Where(o => o.IsLate(run.Today) && run.OpenAlert(StockAlert.LateKey(o.Id)) is null).ToList();
        if (late.Count == 0) return;
        var suppliers = await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        foreach (var order in late.OrderBy(o => o.Number, StringComparer.Ordinal))
            await RaiseAsync(run, order, suppliers[order.SupplierId], ct);
    }

    private async Task RaiseAsync(ScanRun run, PurchaseOrder order, Supplier supplier, CancellationToken ct)
    {
        var promised = order.PromisedDate!.Value;
        var daysLate = run.Today.DayNumber - promised.DayNumber;
        var openLines = order.Lines.Where(l => l.OpenQuantity > 0).ToList();
        var lateness = $"{order.Number} from {supplier.Code} is {daysLate} day(s) late: delivery was promised for {promised:yyyy-MM-dd} and " +
                       $"{string.Join(", ", openLines.Select(l => $"{l.OpenQuantity:0.######} {l.Sku}"))} {(openLines.Count == 1 ? "is" : "are")} still open.";

        var proposals = new List<PurchaseOrder>();
        var notes = new List<string>();
        if (await EarlierProposalAsync(order, ct) is { } earlier)
            notes.Add($"re-sourcing was already proposed in {earlier}, which is still open");
        else
        {
            foreach (var line in openLines)
            {
                var choice = SupplierChoice.Fastest(await sourcing.ForSkuAsync(line.Sku, ct), excluding: order.SupplierId);
                if (choice is null)
                {
                    notes.Add($"no other available supplier offers {line.Sku}");
                    continue;
                }
                var quantity = choice.Offer.OrderQuantityFor(line.OpenQuantity);
                var expected = choice.Offer.ExpectedDelivery(run.Today);
                var origin = $"Re-sources {order.Number} line {line.LineNo}: {line.OpenQuantity:0.######} {line.Sku} still open, promised by {supplier.Code} " +
                             $"for {promised:yyyy-MM-dd}, now {daysLate} day(s) late. {choice.Supplier.Code} is the fastest other available supplier " +
                             $"({ReplenishmentScan.RankOf(choice)}, lead time {choice.Offer.LeadTimeDays} day(s)): expected {expected:yyyy-MM-dd}" +
                             (quantity > line.OpenQuantity ? $"; ordering {quantity:0.######}, its minimum order quantity." : ".");
                proposals.Add(await run.ProposeAsync(choice, order.WarehouseId, line.Sku, quantity, origin, ct));
            }
        }

        var proposed = proposals.Count == 0 ? ""
            : " Proposed re-sourcing: " + string.Join("; ", proposals.Select(p =>
                $"{p.Number} ({string.Join(", ", p.Lines.Select(l => $"{l.Quantity:0.######} {l.Sku}"))}, expected {p.ExpectedDate:yyyy-MM-dd})")) + ".";
        var unsolved = notes.Count == 0 ? "" : $" Not re-sourced: {string.Join("; ", notes)}.";
        run.Raise(StockAlert.LatePurchaseOrder(order.Id, order.WarehouseId, lateness + proposed + unsolved, proposals.FirstOrDefault()?.Id, run.Actor, run.Now));
        await Workflow.LateSupply.RaiseAsync(db, order, lateness, run.Now.UtcDateTime, run.Actor, ct);
    }

    /// <summary>
    /// A person may resolve a late alert while the order is still late; the next scan raises it again, but must not buy
    /// the same goods twice: a still-open proposal of an earlier alert for this order stands.
    /// </summary>
    private async Task<string?> EarlierProposalAsync(PurchaseOrder order, CancellationToken ct)
    {
        var key = StockAlert.LateKey(order.Id);
        var proposalIds = (await db.StockAlerts.AsNoTracking().Where(a => a.DedupeKey == key && a.ProposalId != null)
            .Select(a => a.ProposalId).ToListAsync(ct)).OfType<PurchaseOrderId>().ToList();
        if (proposalIds.Count == 0) return null;
        var proposals = await db.PurchaseOrders.AsNoTracking().Where(o => proposalIds.Contains(o.Id)).ToListAsync(ct);
        return proposals.Where(p => p.IsOpen).Select(p => p.Number).FirstOrDefault();
    }

    private async Task ResolveNoLongerLateAsync(ScanRun run, CancellationToken ct)
    {
        var alerts = run.OpenAlerts(AlertKind.LatePurchaseOrder).Where(a => a.PurchaseOrderId is not null).ToList();
        if (alerts.Count == 0) return;
        var ids = alerts.Select(a => a.PurchaseOrderId!.Value).ToList();
        var orders = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        foreach (var alert in alerts)
            if (orders.GetValueOrDefault(alert.PurchaseOrderId!.Value) is { } order && Ended(order, run.Today) is { } resolution)
                run.Resolve(alert, resolution);
    }

    /// <summary>
    /// How the late alert of <paramref name="order"/> is resolved once the order is no longer late (received in full,
    /// cancelled, or promised again for today or later), or null while it still is. The one rule for the scan and the events.
    /// </summary>
    internal static string? Ended(PurchaseOrder order, DateOnly today) => order.IsLate(today) ? null : order.Status switch
    {
        PurchaseOrderStatus.Received => $"{order.Number} was received in full.",
        PurchaseOrderStatus.Cancelled => $"{order.Number} was cancelled.",
        _ => $"{order.Number} is no longer late: delivery is now promised for {order.PromisedDate:yyyy-MM-dd}.",
    };
}
