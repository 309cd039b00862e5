using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Billing;

/// <summary>
/// A bill for what shipped and was not yet invoiced. Each line is rounded to the currency's minor unit and the
/// invoice total is the sum of its rounded lines, so the invoice never disagrees with itself.
/// </summary>
public sealed class Invoice
{
    private readonly List<InvoiceLine> _lines = [];
    private readonly List<Payment> _payments = [];

    private Invoice() { }

    public InvoiceId Id { get; private set; }
    public string Number { get; private set; } = "";
    public OrderId OrderId { get; private set; }
    public CustomerId CustomerId { get; private set; }
    public string Currency { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal TotalAmount { get; private set; }
    public decimal PaidAmount { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    /// <summary>Who issued it; '' for invoices issued before migration 0012.</summary>
    public string IssuedBy { get; private set; } = "";

    public IReadOnlyList<InvoiceLine> Lines => _lines;
    public IReadOnlyList<Payment> Payments => _payments;
    public decimal OpenAmount => TotalAmount - PaidAmount;
    public bool IsPaid => OpenAmount == 0;

    /// <summary>
    /// Bills every shipped, not yet invoiced quantity of <paramref name="order"/>, dated <paramref name="issuedOn"/> (the
    /// business date, in the business time zone) and due <paramref name="paymentTermsDays"/> days later.
    /// </summary>
    public static Invoice Issue(InvoiceId id, string number, SalesOrder order, int paymentTermsDays, MoneyRounding rounding,
        DateOnly issuedOn, string actor, DateTimeOffset now)
    {
        order.EnsureAllowed(OrderCommand.Invoice);
        var currency = order.CurrencyUnit;
        var invoice = new Invoice
        {
            Id = id,
            Number = number,
            OrderId = order.Id,
            CustomerId = order.CustomerId,
            Currency = order.Currency,
            IssuedOn = issuedOn,
            DueOn = issuedOn.AddDays(paymentTermsDays),
            IssuedAt = now,
            IssuedBy = actor,
        };
        foreach (var line in order.Lines.Where(l => l.QuantityToInvoice > 0))
            invoice._lines.Add(InvoiceLine.For(id, line, line.QuantityToInvoice, currency, rounding));
        invoice.NetAmount = invoice._lines.Sum(l => l.NetAmount);
        invoice.TaxAmount = invoice._lines.Sum(l => l.TaxAmount);
        invoice.TotalAmount = invoice._lines.Sum(l => l.GrossAmount);
        return invoice;
    }

    public Payment RecordPayment(decimal amount, DateOnly receivedOn, string reference, string actor, DateTimeOffset now)
    {
        var currency = Common.Currency.Of(Currency);
        if (amount <= 0)
            throw InvalidInput.ForField("amount", "payment.amount_not_positive", "A payment amount must be greater than zero.");
        if (amount > Limits.MaxAmount)
            throw InvalidInput.ForField("amount", "payment.amount_too_large", $"A payment is at most {Limits.MaxAmount:N0} {Currency}.");
        if (Math.Round(amount, currency.MinorUnits) != amount)
            throw InvalidInput.ForField("amount", "payment.amount_too_precise",
                $"{Currency} amounts have {currency.MinorUnits} decimal(s); {amount} has more.");
        if (amount > OpenAmount)
            throw new BusinessRuleViolation("payment.exceeds_open_amount",
                $"Invoice {Number} has {OpenAmount} {Currency} open; a payment of {amount} would overpay it.");
        var payment = Payment.Receive(Id, amount, receivedOn, reference, actor, now);
        _payments.Add(payment);
        PaidAmount += amount;
        return payment;
    }
}
