using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Procurement;

/// <summary>Drafting purchase orders (by a person, or as a proposal of the replenishment scan), and reading them.</summary>
public sealed class PurchaseOrderUseCases(
    OrderlyDbContext db, PurchaseOrderStore store, DocumentNumbers numbers, PromiseDates promises, TimeProvider clock)
{
    private readonly PurchaseOrderEntry _entry = new(db);

    /// <summary>Drafts a purchase order at the supplier's offer terms; expected when the slowest line's lead time says.</summary>
    public async Task<PurchaseOrderView> DraftAsync(DraftPurchaseOrderRequest request, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var terms = await _entry.ReadAsync(request, ct);
            var order = await DraftProposalAsync(terms.Supplier.Id, terms.Warehouse.Id, terms.Lines,
                store.Today.AddDays(terms.LeadTimeDays), $"Drafted by {actor}", actor, ct);
            await promises.ChangedAsync(order.Lines.Select(l => l.Sku), ct);
            return await store.ViewAsync(order, ct);
        }, ct);

    /// <summary>
    /// Adds a Draft purchase order to the context, inside the caller's transaction, without saving it. The caller saves
    /// and then queues the lines' SKUs for re-promising (<see cref="PromiseDates.ChangedAsync"/>): supply changed.
    /// Refused when the supplier is unknown (404) or unavailable (409 <c>supplier.unavailable</c>).
    /// </summary>
    public async Task<PurchaseOrder> DraftProposalAsync(SupplierId supplier, WarehouseId warehouse, IReadOnlyList<PurchaseOrderLineTerms> lines,
        DateOnly expectedDate, string origin, string actor, CancellationToken ct)
    {
        var from = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == supplier, ct)
            ?? throw new NotFound("supplier.not_found", $"No supplier has id {supplier}.");
        if (!from.IsAvailable)
            throw new BusinessRuleViolation("supplier.unavailable",
                $"Supplier {from.Code} is unavailable ({from.UnavailableReason}); buy from another supplier or mark it available again.");
        var number = await numbers.NextAsync(DocumentNumbers.PurchaseOrder, ct);
        var order = PurchaseOrder.Draft(PurchaseOrderId.New(), number, from, warehouse, lines, expectedDate, origin, actor, clock.GetUtcNow());
        db.PurchaseOrders.Add(order);
        return order;
    }

    public async Task<PurchaseOrderView> GetAsync(Guid id, CancellationToken ct) => await store.ViewAsync(id, ct);

    /// <summary>Newest first; filtered by status, supplier (id or code) and SKU (orders with a line of it).</summary>
    public async Task<PurchaseOrderPage> ListAsync(PurchaseOrderQuery q, CancellationToken ct)
    {
        var errors = new FieldErrors();
        PurchaseOrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(q.Status))
        {
            var name = Enum.GetNames<PurchaseOrderStatus>().FirstOrDefault(n => string.Equals(n, q.Status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null) wanted = Enum.Parse<PurchaseOrderStatus>(name);
            else errors.Add("status", $"'{q.Status}' is not a purchase order status. Use one of: {string.Join(", ", Enum.GetNames<PurchaseOrderStatus>())}.");
        }
        var page = Paging.Page(q.Page, q.PageSize, errors, "purchase orders");
        errors.ThrowIfAny("purchase_order.query_invalid", "The purchase order list cannot be read with these parameters.");

        var supplier = q.SupplierId is { } id ? SupplierId.From(id) : (SupplierId?)null;
        var code = string.IsNullOrWhiteSpace(q.SupplierCode) ? null : q.SupplierCode.Trim();
        if (q.SupplierId is { } named && code is not null
            && await db.Suppliers.AsNoTracking().Where(s => s.Id == supplier).Select(s => s.Code).SingleOrDefaultAsync(ct) is { } actual)
            NamedTwice.EnsureAgree("supplier", "supplierId", named, "supplierCode", code, actual);
        var sku = string.IsNullOrWhiteSpace(q.Sku) ? null : q.Sku.Trim();
        var query = db.PurchaseOrders.AsNoTracking()
            .Where(o => (wanted == null || o.Status == wanted) && (supplier == null || o.SupplierId == supplier)
                        && (code == null || db.Suppliers.Any(s => s.Id == o.SupplierId && s.Code == code))
                        // From the SKU's lines (ix_purchase_order_lines_sku_order), not a subquery per purchase order.
                        && (sku == null || db.Set<PurchaseOrderLine>().Where(l => l.Sku == sku).Select(l => l.PurchaseOrderId).Contains(o.Id)));
        var total = await query.CountAsync(ct);
        // Numbers grow with time (PO-yyyy-nnnnnn), so the newest purchase order has the highest number.
        var orders = await query.OrderByDescending(o => o.Number).Skip(page.Skip).Take(page.Size)
            .Include(o => o.Lines).ToListAsync(ct);
        return new PurchaseOrderPage(await store.SummariesAsync(orders, ct), page.Number, page.Size, total);
    }

    public async Task<IReadOnlyList<PurchaseOrderHistoryView>> HistoryAsync(Guid id, CancellationToken ct)
    {
        await store.EnsureExistsAsync(id, ct);
        var entries = await db.PurchaseOrderHistory.AsNoTracking().Where(h => h.PurchaseOrderId == PurchaseOrderId.From(id))
            .OrderBy(h => h.Id).ToListAsync(ct);
        return entries.Select(PurchaseOrderViews.Of).ToList();
    }
}
