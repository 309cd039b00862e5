using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Application.Replenishment;

public sealed record ResolveAlertRequest(string? Resolution = null);

/// <summary>An alert as the API shows it, with the warehouse code and the purchase order numbers spelled out.</summary>
public sealed record AlertView(
    Guid Id, string Kind, string Status, string? WarehouseCode, string? Sku, Guid? PurchaseOrderId, string? PurchaseOrderNumber,
    Guid? ProposalId, string? ProposalNumber, string Message, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution);

/// <summary>Lists alerts, and lets a person acknowledge ("I'm on it") or resolve ("done, because ...") one.</summary>
public sealed class AlertUseCases(OrderlyDbContext db, TimeProvider clock)
{
    /// <summary>Newest first; filtered by status, kind and SKU.</summary>
    public async Task<IReadOnlyList<AlertView>> ListAsync(string? status, string? kind, string? sku, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var wantedStatus = Parse<AlertStatus>("status", status, errors);
        var wantedKind = Parse<AlertKind>("kind", kind, errors);
        errors.ThrowIfAny("alert.query_invalid", "The alert list cannot be read with these parameters.");
        var wantedSku = string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();

        var alerts = await db.StockAlerts.AsNoTracking()
            .Where(a => (wantedStatus == null || a.Status == wantedStatus) && (wantedKind == null || a.Kind == wantedKind)
                        && (wantedSku == null || a.Sku == wantedSku))
            .ToListAsync(ct);
        // Raised-at is stored as text, which SQLite cannot order as a date: sorted here.
        return await ViewsAsync(db, alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id.Value).ToList(), ct);
    }

    public async Task<AlertView> GetAsync(Guid id, CancellationToken ct) =>
        (await ViewsAsync(db, [await FindAsync(id, tracked: false, ct)], ct))[0];

    public async Task<AlertView> AcknowledgeAsync(Guid id, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var alert = await FindAsync(id, tracked: true, ct);
            alert.Acknowledge(actor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return (await ViewsAsync(db, [alert], ct))[0];
        }, ct);

    public async Task<AlertView> ResolveAsync(Guid id, ResolveAlertRequest r, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var alert = await FindAsync(id, tracked: true, ct);
            alert.Resolve(r.Resolution ?? "", actor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return (await ViewsAsync(db, [alert], ct))[0];
        }, ct);

    /// <summary>Views of <paramref name="alerts"/> in their order, looking up warehouse codes and purchase order numbers once.</summary>
    internal static async Task<IReadOnlyList<AlertView>> ViewsAsync(OrderlyDbContext db, IReadOnlyList<StockAlert> alerts, CancellationToken ct)
    {
        if (alerts.Count == 0) return [];
        var warehouseIds = alerts.Select(a => a.WarehouseId).OfType<WarehouseId>().Distinct().ToList();
        var orderIds = alerts.SelectMany(a => new[] { a.PurchaseOrderId, a.ProposalId }).OfType<PurchaseOrderId>().Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Code, ct);
        var numbers = await db.PurchaseOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        // Purchase orders drafted in this unit of work but not saved yet are not in the database.
        foreach (var added in db.PurchaseOrders.Local.Where(o => orderIds.Contains(o.Id))) numbers[added.Id] = added.Number;

        return alerts.Select(a => new AlertView(a.Id.Value, a.Kind.ToString(), a.Status.ToString(),
            a.WarehouseId is { } w ? warehouses.GetValueOrDefault(w) : null, a.Sku,
            a.PurchaseOrderId?.Value, a.PurchaseOrderId is { } po ? numbers.GetValueOrDefault(po) : null,
            a.ProposalId?.Value, a.ProposalId is { } p ? numbers.GetValueOrDefault(p) : null,
            a.Message, a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.ResolvedAt, a.ResolvedBy, a.Resolution)).ToList();
    }

    private async Task<StockAlert> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var alerts = tracked ? db.StockAlerts : db.StockAlerts.AsNoTracking();
        return await alerts.SingleOrDefaultAsync(a => a.Id == AlertId.From(id), ct)
            ?? throw new NotFound("alert.not_found", $"No alert has id {id}.");
    }

    private static TEnum? Parse<TEnum>(string field, string? value, FieldErrors errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        errors.Add(field, $"'{value}' is not an alert {field}. Use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return null;
    }
}
