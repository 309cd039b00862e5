using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Billing;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Billing;

public sealed record InvoiceLineView(int LineNo, string Sku, decimal Quantity, decimal UnitPrice, decimal TaxRate, decimal NetAmount,
    decimal TaxAmount, decimal GrossAmount);

public sealed record PaymentView(long Id, Guid InvoiceId, decimal Amount, DateOnly ReceivedOn, string Reference, string RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record InvoiceView(Guid Id, string Number, Guid OrderId, string Currency, DateOnly IssuedOn, DateOnly DueOn,
    decimal NetAmount, decimal TaxAmount, decimal TotalAmount, decimal PaidAmount, decimal OpenAmount,
    IReadOnlyList<InvoiceLineView> Lines, IReadOnlyList<PaymentView> Payments);

public sealed record RecordPaymentRequest(decimal Amount, string? Reference = null, DateOnly? ReceivedOn = null);

/// <summary>Bills what shipped and records the money that comes in against it.</summary>
public sealed class InvoiceUseCases(OrderlyDbContext db, OrderStore orders, DocumentNumbers numbers, OrderlyOptions options, BusinessClock clock)
{
    public async Task<InvoiceView> InvoiceAsync(Guid orderId, int? expectedVersion, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var order = await orders.ForChangeAsync(orderId, expectedVersion, ct);
            var invoice = await InvoiceAsync(order, actor, ct);
            await db.SaveChangesAsync(ct);
            return (await ViewsAsync([invoice], ct))[0];
        }, ct);

    internal async Task<Invoice> InvoiceAsync(SalesOrder order, string actor, CancellationToken ct)
    {
        order.EnsureAllowed(OrderCommand.Invoice);
        var terms = await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.PaymentTermsDays).SingleAsync(ct);
        var number = await numbers.NextAsync(DocumentNumbers.Invoice, ct);
        var now = clock.Now;
        var invoice = Invoice.Issue(InvoiceId.New(), number, order, terms, options.Rounding, clock.DateOf(now), actor, now);
        order.RecordInvoice(number, invoice.Lines.Select(l => (l.OrderLineNo, l.Quantity)).ToList(), invoice.TotalAmount, actor, now);
        db.Invoices.Add(invoice);
        return invoice;
    }

    public async Task<PaymentView> RecordPaymentAsync(Guid invoiceId, RecordPaymentRequest request, string actor, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == InvoiceId.From(invoiceId), ct)
                ?? throw InvoiceNotFound(invoiceId.ToString());
            var order = await orders.ForChangeAsync(invoice.OrderId.Value, null, ct);
            var payment = RecordPayment(order, invoice, request, actor);
            await db.SaveChangesAsync(ct);
            return View(payment, Currency.Of(invoice.Currency));
        }, ct);

    /// <summary>Pays <paramref name="invoiceNumber"/>, or the order's oldest open invoice when none is named.</summary>
    internal async Task<Payment> RecordPaymentAsync(SalesOrder order, string? invoiceNumber, RecordPaymentRequest request, string actor,
        CancellationToken ct)
    {
        order.EnsureAllowed(OrderCommand.RecordPayment);
        var invoice = string.IsNullOrWhiteSpace(invoiceNumber)
            ? (await db.Invoices.Where(i => i.OrderId == order.Id).ToListAsync(ct)).Where(i => !i.IsPaid).OrderBy(i => i.Number).First()
            : await db.Invoices.SingleOrDefaultAsync(i => i.OrderId == order.Id && i.Number == invoiceNumber.Trim(), ct)
              ?? throw InvoiceNotFound(invoiceNumber);
        return RecordPayment(order, invoice, request, actor);
    }

    public async Task<InvoiceView> GetAsync(Guid invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
                          .SingleOrDefaultAsync(i => i.Id == InvoiceId.From(invoiceId), ct);
        // Another customer's invoice is not found, as its order is (OrderStore, ADR 0021).
        if (invoice is null || !await orders.IsVisibleAsync(invoice.OrderId, ct)) throw InvoiceNotFound(invoiceId.ToString());
        return (await ViewsAsync([invoice], ct))[0];
    }

    /// <summary>
    /// The customer's open invoices, the longest due first, at most <paramref name="max"/> (one page of the partial index
    /// <c>ix_invoices_customer_open_due</c>; the customer's invoice history is never read whole). The caller must be
    /// allowed to see the customer (<see cref="Caller.MaySee"/>; checked by <see cref="OpenItems"/>).
    /// </summary>
    internal async Task<IReadOnlyList<InvoiceView>> OpenOfCustomerAsync(CustomerId customer, int max, CancellationToken ct)
    {
        var open = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .Where(i => i.CustomerId == customer && EF.Property<bool>(i, CreditExposure.InvoiceOpenColumn))
            .OrderBy(i => i.DueOn).ThenBy(i => i.Number).Take(max).AsSplitQuery().ToListAsync(ct);
        return await ViewsAsync(open, ct);
    }

    public async Task<IReadOnlyList<InvoiceView>> OfOrderAsync(Guid orderId, CancellationToken ct)
    {
        await orders.EnsureExistsAsync(orderId, ct);
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.Payments)
            .Where(i => i.OrderId == OrderId.From(orderId)).OrderBy(i => i.Number).ToListAsync(ct);
        return await ViewsAsync(invoices, ct);
    }

    public async Task<IReadOnlyList<PaymentView>> PaymentsAsync(Guid invoiceId, CancellationToken ct) =>
        (await GetAsync(invoiceId, ct)).Payments;

    /// <summary>One payment of the invoice; 404 <c>payment.not_found</c> when the invoice has no payment with this id.</summary>
    public async Task<PaymentView> PaymentAsync(Guid invoiceId, long paymentId, CancellationToken ct) =>
        (await PaymentsAsync(invoiceId, ct)).SingleOrDefault(p => p.Id == paymentId)
        ?? throw new NotFound("payment.not_found", $"Invoice {invoiceId} has no payment {paymentId}.");

    private Payment RecordPayment(SalesOrder order, Invoice invoice, RecordPaymentRequest request, string actor)
    {
        var now = clock.Now;
        var payment = invoice.RecordPayment(request.Amount, request.ReceivedOn ?? clock.DateOf(now),
            request.Reference ?? "", actor, now);
        order.RecordPayment(invoice.Number, request.Amount, actor, now);
        return payment;
    }

    private static NotFound InvoiceNotFound(string which) => new("invoice.not_found", $"No invoice {which} was found.");

    private async Task<IReadOnlyList<InvoiceView>> ViewsAsync(IReadOnlyList<Invoice> invoices, CancellationToken ct)
    {
        var unitDecimals = await db.UnitDecimalsAsync(invoices.SelectMany(i => i.Lines).Select(l => l.Sku), ct);
        return invoices.Select(i => View(i, unitDecimals)).ToList();
    }

    private static InvoiceView View(Invoice i, IReadOnlyDictionary<string, int> unitDecimals)
    {
        var currency = Currency.Of(i.Currency);
        decimal Money(decimal amount) => NumberForm.Money(amount, currency);
        return new InvoiceView(i.Id.Value, i.Number, i.OrderId.Value, i.Currency, i.IssuedOn, i.DueOn,
            Money(i.NetAmount), Money(i.TaxAmount), Money(i.TotalAmount), Money(i.PaidAmount), Money(i.OpenAmount),
            i.Lines.Select(l => new InvoiceLineView(l.OrderLineNo, l.Sku, NumberForm.Quantity(l.Quantity, unitDecimals.GetValueOrDefault(l.Sku)),
                NumberForm.Price(l.UnitPrice, currency), NumberForm.Rate(l.TaxRate), Money(l.NetAmount), Money(l.TaxAmount), Money(l.GrossAmount))).ToList(),
            i.Payments.Select(p => View(p, currency)).ToList());
    }

    private static PaymentView View(Payment p, Currency currency) =>
        new(p.Id, p.InvoiceId.Value, NumberForm.Money(p.Amount, currency), p.ReceivedOn, p.Reference, p.RecordedBy, p.RecordedAt);
}
