using Orderly.Domain.Common;

namespace Orderly.Domain.Sales;

/// <summary>
/// A line of a sales order with the terms captured at entry (list price, tax rate, discount ceiling) and how far it has
/// come: reserved (held in a warehouse, not yet shipped), shipped, invoiced.
/// </summary>
public sealed class OrderLine
{
    private OrderLine() { }

    public OrderId OrderId { get; private set; }
    public int LineNo { get; private set; }
    public ProductId ProductId { get; private set; }
    public string Sku { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public int UnitDecimals { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal? UnitPrice { get; private set; }
    public decimal ListPrice { get; private set; }
    public decimal MaxDiscountPercent { get; private set; }
    public decimal TaxRate { get; private set; }
    public decimal ReservedQuantity { get; internal set; }
    public decimal ShippedQuantity { get; internal set; }
    public decimal InvoicedQuantity { get; internal set; }
    /// <summary>When this line can be delivered complete, as far as Orderly knows; see <see cref="PromiseBasis"/> for why.</summary>
    public DateOnly? PromisedDate { get; internal set; }
    public string PromiseBasis { get; internal set; } = "";

    /// <summary>Whether a reservation was tried for this line (a reserve, or arriving stock serving it).</summary>
    public bool ReservationTried { get; internal set; }

    /// <summary>Quantity neither held in stock for this line nor shipped: what the line still waits for.</summary>
    public decimal QuantityToReserve => Quantity - ReservedQuantity - ShippedQuantity;

    /// <summary>
    /// Not yet reserved: the quantity still to reserve while no reservation has been tried for the line, as long as the
    /// order is open (before confirmation nothing can be tried yet). Together with <see cref="ReservedQuantity"/>,
    /// <see cref="BackorderedQuantity"/> and <see cref="ShippedQuantity"/> it makes up <see cref="Quantity"/> of an open order.
    /// </summary>
    public decimal NotYetReservedQuantity(OrderStatus status) =>
        OrderStatuses.Open.Contains(status) && !ReservationTried ? QuantityToReserve : 0m;

    /// <summary>
    /// Backordered: a reservation was tried for the committed (Confirmed or Fulfilling) line and stock could not meet this
    /// quantity; it waits for goods to arrive (ADR 0008). Zero before any try, however much is unreserved.
    /// </summary>
    public decimal BackorderedQuantity(OrderStatus status) =>
        OrderStatuses.Committed.Contains(status) && ReservationTried ? QuantityToReserve : 0m;

    public decimal QuantityToInvoice => ShippedQuantity - InvoicedQuantity;

    internal static OrderLine Create(OrderId order, int lineNo, OrderLineTerms terms) => new()
    {
        OrderId = order,
        LineNo = lineNo,
        ProductId = terms.ProductId,
        Sku = terms.Sku,
        Description = terms.Description,
        Unit = terms.Unit,
        UnitDecimals = terms.UnitDecimals,
        Quantity = terms.Quantity,
        UnitPrice = terms.UnitPrice,
        ListPrice = terms.ListPrice,
        MaxDiscountPercent = terms.MaxDiscountPercent,
        TaxRate = terms.TaxRate,
    };

    /// <summary>Net, tax and gross of the whole line, each rounded to the currency's minor unit (ADR 0005).</summary>
    public LineAmounts Amounts(Currency currency, MoneyRounding rounding) => AmountsUpTo(Quantity, currency, rounding);

    /// <summary>
    /// The amounts of a part of this line: <paramref name="quantity"/> (in the line's unit) after the first
    /// <paramref name="from"/> units, e.g. an invoice of 0.35 kg after 0.35 kg already invoiced. A part is what the line's
    /// rounded amounts grow by over that range, so the parts of a line, however it is split, add up exactly to the line's
    /// net and tax (the part that completes the line takes what remains). A part's net is within one minor unit, and its
    /// tax within two, of rounding that part on its own (ADR 0005).
    /// </summary>
    public LineAmounts PartAmounts(decimal from, decimal quantity, Currency currency, MoneyRounding rounding) =>
        AmountsUpTo(from + quantity, currency, rounding) - AmountsUpTo(from, currency, rounding);

    private LineAmounts AmountsUpTo(decimal quantity, Currency currency, MoneyRounding rounding)
    {
        var net = rounding.Round(quantity * (UnitPrice ?? 0m), currency);
        return new LineAmounts(net, rounding.Round(net * TaxRate, currency));
    }
}

/// <summary>Net and tax of a line or a part of one, in the order's currency, each already rounded to its minor unit.</summary>
public readonly record struct LineAmounts(decimal Net, decimal Tax)
{
    public decimal Gross => Net + Tax;

    public static LineAmounts operator -(LineAmounts a, LineAmounts b) => new(a.Net - b.Net, a.Tax - b.Tax);
}

/// <summary>What a line is to be: the product, its terms at entry, the quantity and the agreed unit price (if any).</summary>
public sealed record OrderLineTerms(
    ProductId ProductId,
    string Sku,
    string Description,
    string Unit,
    int UnitDecimals,
    decimal Quantity,
    decimal? UnitPrice,
    decimal ListPrice,
    decimal MaxDiscountPercent,
    decimal TaxRate);
