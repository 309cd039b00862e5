using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Billing;

/// <summary>
/// One billed part of an order line: quantity, price, and its amounts each rounded to the minor unit. The amounts are the
/// line's part after what earlier invoices billed (<see cref="OrderLine.PartAmounts"/>), so a line's invoices add up to it.
/// </summary>
public sealed class InvoiceLine
{
    private InvoiceLine() { }

    public InvoiceId InvoiceId { get; private set; }
    public int OrderLineNo { get; private set; }
    public string Sku { get; private set; } = "";
    public string Description { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal TaxRate { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal TaxAmount { get; private set; }
    public decimal GrossAmount { get; private set; }

    internal static InvoiceLine For(InvoiceId invoice, OrderLine line, decimal quantity, Currency currency, MoneyRounding rounding)
    {
        var part = line.PartAmounts(line.InvoicedQuantity, quantity, currency, rounding);
        return new InvoiceLine
        {
            InvoiceId = invoice,
            OrderLineNo = line.LineNo,
            Sku = line.Sku,
            Description = line.Description,
            Quantity = quantity,
            UnitPrice = line.UnitPrice ?? 0m,
            TaxRate = line.TaxRate,
            NetAmount = part.Net,
            TaxAmount = part.Tax,
            GrossAmount = part.Gross,
        };
    }
}
