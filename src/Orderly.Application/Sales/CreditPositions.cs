using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Customers;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Gathers what a customer owes (unpaid invoices) and has on order (approved orders not yet invoiced) for the credit
/// rules of review. Amounts are summed here, in decimal, rather than in SQLite where decimals are stored as text.
/// </summary>
internal sealed class CreditPositions(OrderlyDbContext db)
{
    private static readonly OrderStatus[] OpenOrderStatuses =
    [
        OrderStatus.Approved, OrderStatus.Confirmed, OrderStatus.Fulfilling, OrderStatus.Shipped, OrderStatus.PartiallyInvoiced,
    ];

    public async Task<CreditPosition> OfAsync(Customer customer, OrderId excluding, MoneyRounding rounding, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.CustomerId == customer.Id)
            .Select(i => new { i.Number, i.DueOn, i.TotalAmount, i.PaidAmount })
            .ToListAsync(ct);
        var unpaid = invoices.Where(i => i.TotalAmount > i.PaidAmount).ToList();
        var oldest = unpaid.OrderBy(i => i.DueOn).FirstOrDefault();

        var openOrders = await db.SalesOrders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.CustomerId == customer.Id && o.Id != excluding && OpenOrderStatuses.Contains(o.Status))
            .ToListAsync(ct);

        return new CreditPosition(
            customer.CreditLimit,
            unpaid.Sum(i => i.TotalAmount - i.PaidAmount),
            openOrders.Sum(o => o.UninvoicedAmount(rounding)),
            oldest is null ? null : new OverdueInvoice(oldest.Number, oldest.DueOn, oldest.TotalAmount - oldest.PaidAmount));
    }
}
