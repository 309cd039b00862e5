using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Customers;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Gathers what a customer owes (unpaid invoices) and has on order (approved orders not yet invoiced) for the credit
/// rules of review, from the customer's <see cref="CustomerCredit"/> row and its oldest open invoice: two reads
/// however many orders and invoices the customer has.
/// </summary>
internal sealed class CreditPositions(OrderlyDbContext db)
{
    /// <summary>The position without <paramref name="excluding"/>'s own part (the order under review counts itself).</summary>
    public async Task<CreditPosition> OfAsync(Customer customer, OrderId excluding, MoneyRounding rounding, CancellationToken ct)
    {
        var credit = await CreditExposure.OfAsync(db, customer.Id, rounding, ct);
        var own = db.ChangeTracker.Entries<SalesOrder>().FirstOrDefault(e => e.Entity.Id == excluding) is { } entry
            ? CreditExposure.SavedPartOf(db, entry.Entity)
            : await db.SalesOrders.Where(o => o.Id == excluding).Select(o => EF.Property<decimal>(o, CreditExposure.OrderColumn)).FirstOrDefaultAsync(ct);
        var oldest = await db.Invoices.AsNoTracking()
            .Where(i => i.CustomerId == customer.Id && EF.Property<bool>(i, CreditExposure.InvoiceOpenColumn))
            .OrderBy(i => i.DueOn)
            .Select(i => new { i.Number, i.DueOn, i.TotalAmount, i.PaidAmount })
            .FirstOrDefaultAsync(ct);

        // Amounts read back from SQLite's text lose trailing zeros; review's messages write them at the minor unit.
        var currency = Currency.Of(customer.Currency);
        return new CreditPosition(
            customer.CreditLimit,
            NumberForm.Money(credit.OpenReceivables, currency),
            NumberForm.Money(credit.OpenOrdersAmount - own, currency),
            oldest is null ? null : new OverdueInvoice(oldest.Number, oldest.DueOn, NumberForm.Money(oldest.TotalAmount - oldest.PaidAmount, currency)));
    }
}
