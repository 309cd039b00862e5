using Orderly.Domain.Billing;
using Orderly.Domain.Common;
using Orderly.Domain.Customers;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests;

/// <summary>
/// Builds a sales order in any status by driving the real commands (receive, submit, review, confirm, reserve, ship,
/// invoice, pay, close), so a fixture can only reach a status the way production does.
/// </summary>
internal sealed class OrderBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public const string Clerk = "clerk@orderly.test";
    public static readonly WarehouseId MainWarehouse = WarehouseId.From(Guid.Parse("0195f3a0-0000-7000-8000-000000000001"));
    public static readonly WarehouseId SpareWarehouse = WarehouseId.From(Guid.Parse("0195f3a0-0000-7000-8000-000000000002"));

    private static int _nextNumber;

    private readonly List<OrderLineTerms> _lines = [];
    private bool _withoutLines;
    private string _currency = "EUR";
    private DateOnly? _requestedDate = Today.AddDays(14);

    public OrderBuilder InCurrency(string code)
    {
        _currency = code;
        return this;
    }

    /// <summary>Adds a line; list price defaults to the unit price, so the line passes the price rule.</summary>
    public OrderBuilder WithLine(decimal quantity, decimal? unitPrice = 10m, decimal taxRate = 0.19m, decimal? listPrice = null,
        decimal maxDiscountPercent = 10m, int unitDecimals = 0, string unit = "pc")
    {
        var no = _lines.Count + 1;
        _lines.Add(new OrderLineTerms(ProductId.New(), $"SKU-{no:000}", $"Article {no}", unit, unitDecimals, quantity, unitPrice,
            listPrice ?? unitPrice ?? 10m, maxDiscountPercent, taxRate));
        return this;
    }

    public OrderBuilder WithoutLines()
    {
        _withoutLines = true;
        return this;
    }

    public OrderBuilder RequestedOn(DateOnly? date)
    {
        _requestedDate = date;
        return this;
    }

    /// <summary>
    /// Without <see cref="WithLine"/> the order has two lines: 10 pc at 12.50 with 19 % tax (gross 148.75) and
    /// 3 pc at 99.99 with 7 % tax (gross 320.97), 469.72 EUR in all.
    /// </summary>
    public SalesOrder Draft()
    {
        IReadOnlyList<OrderLineTerms> lines = _withoutLines ? [] : _lines.Count > 0 ? _lines : DefaultLines();
        var customer = Customer.Register("C-100", "Acme GmbH", _currency, 1_000_000m, 30, Now);
        var number = $"SO-2026-{Interlocked.Increment(ref _nextNumber):000000}";
        return SalesOrder.Receive(OrderId.New(), number, customer, lines, _requestedDate, "deliver to gate 4", Clerk, Now);
    }

    public SalesOrder Submitted()
    {
        var order = Draft();
        order.Submit(Clerk, Now);
        return order;
    }

    public SalesOrder Approved()
    {
        var order = Submitted();
        order.CompleteReview([], Now);
        return order;
    }

    public SalesOrder OnHold(HoldReason reason = HoldReason.Credit)
    {
        if (reason == HoldReason.Manual)
        {
            var approved = Approved();
            approved.Hold("customer asked to wait", Clerk, Now);
            return approved;
        }
        var order = Submitted();
        order.CompleteReview([new ReviewFinding($"test.{reason.ToString().ToLowerInvariant()}", reason, $"{reason} finding.")], Now);
        return order;
    }

    public SalesOrder Rejected()
    {
        var order = OnHold();
        order.Reject("customer is insolvent", Clerk, Now);
        return order;
    }

    public SalesOrder Confirmed()
    {
        var order = Approved();
        order.Confirm(Clerk, Now);
        return order;
    }

    /// <summary>Line 1 reserved in full, every other line backordered; nothing shipped.</summary>
    public SalesOrder Fulfilling()
    {
        var order = Confirmed();
        if (order.Lines.Count < 2) throw new InvalidOperationException("Fulfilling() needs an order with at least two lines.");
        order.ReserveLine(1, order.Line(1).Quantity);
        return order;
    }

    public SalesOrder Shipped()
    {
        var order = Confirmed();
        order.ReserveAll();
        order.Ship(null, Clerk, Now);
        return order;
    }

    /// <summary>Line 1 shipped and invoiced first, the rest shipped afterwards and not yet invoiced.</summary>
    public SalesOrder PartiallyInvoiced()
    {
        var order = Fulfilling();
        order.Ship(null, Clerk, Now);
        order.InvoiceShipped();
        order.ReserveAll();
        order.Ship(null, Clerk, Now);
        return order;
    }

    public SalesOrder Invoiced()
    {
        var order = Shipped();
        order.InvoiceShipped();
        return order;
    }

    public SalesOrder Paid()
    {
        var order = Shipped();
        var invoice = order.InvoiceShipped();
        order.Pay(invoice, invoice.OpenAmount);
        return order;
    }

    public SalesOrder Closed()
    {
        var order = Paid();
        order.Close(Clerk, Now);
        return order;
    }

    public SalesOrder Cancelled()
    {
        var order = Approved();
        order.Cancel("customer withdrew", Clerk, Now);
        return order;
    }

    public SalesOrder InStatus(OrderStatus status) => status switch
    {
        OrderStatus.Draft => Draft(),
        OrderStatus.Submitted => Submitted(),
        OrderStatus.OnHold => OnHold(),
        OrderStatus.Approved => Approved(),
        OrderStatus.Rejected => Rejected(),
        OrderStatus.Confirmed => Confirmed(),
        OrderStatus.Fulfilling => Fulfilling(),
        OrderStatus.Shipped => Shipped(),
        OrderStatus.PartiallyInvoiced => PartiallyInvoiced(),
        OrderStatus.Invoiced => Invoiced(),
        OrderStatus.Paid => Paid(),
        OrderStatus.Closed => Closed(),
        OrderStatus.Cancelled => Cancelled(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No recipe for this status yet."),
    };

    private static List<OrderLineTerms> DefaultLines() =>
    [
        new(ProductId.New(), "SKU-001", "Hex bolt M8", "pc", 0, 10m, 12.50m, 12.50m, 10m, 0.19m),
        new(ProductId.New(), "SKU-002", "Torque wrench", "pc", 0, 3m, 99.99m, 99.99m, 10m, 0.07m),
    ];

    internal static string NextInvoiceNumber() => $"INV-2026-{Interlocked.Increment(ref _nextNumber):000000}";
}

/// <summary>The steps the builder chains, usable on their own in tests.</summary>
internal static class OrderSteps
{
    public static void ReserveLine(this SalesOrder order, int lineNo, decimal quantity, WarehouseId? warehouse = null) =>
        order.RecordReservations([new StockAllocation(lineNo, warehouse ?? OrderBuilder.MainWarehouse, order.Line(lineNo).Sku, quantity)],
            OrderBuilder.Clerk, OrderBuilder.Now);

    /// <summary>Reserves everything every line still waits for, in the main warehouse.</summary>
    public static void ReserveAll(this SalesOrder order) =>
        order.RecordReservations(AllocationsForEverythingOpen(order), OrderBuilder.Clerk, OrderBuilder.Now);

    public static List<StockAllocation> AllocationsForEverythingOpen(SalesOrder order) =>
        order.Lines.Where(l => l.QuantityToReserve > 0)
            .Select(l => new StockAllocation(l.LineNo, OrderBuilder.MainWarehouse, l.Sku, l.QuantityToReserve))
            .ToList();

    public static IReadOnlyList<StockRelease> ShipLine(this SalesOrder order, int lineNo, decimal quantity) =>
        order.Ship([new ShipmentRequestLine(lineNo, quantity)], OrderBuilder.Clerk, OrderBuilder.Now);

    /// <summary>Issues the invoice for everything shipped and not yet invoiced and records it on the order, as Billing does.</summary>
    public static Invoice InvoiceShipped(this SalesOrder order, MoneyRounding? rounding = null, int paymentTermsDays = 30)
    {
        var invoice = Invoice.Issue(InvoiceId.New(), OrderBuilder.NextInvoiceNumber(), order, paymentTermsDays,
            rounding ?? MoneyRounding.Default, OrderBuilder.Today, OrderBuilder.Clerk, OrderBuilder.Now);
        order.RecordInvoice(invoice.Number, invoice.Lines.Select(l => (l.OrderLineNo, l.Quantity)).ToList(), invoice.TotalAmount,
            OrderBuilder.Clerk, OrderBuilder.Now);
        return invoice;
    }

    /// <summary>Records a payment on the invoice and then on its order, as Billing does.</summary>
    public static void Pay(this SalesOrder order, Invoice invoice, decimal amount)
    {
        invoice.RecordPayment(amount, OrderBuilder.Today, "bank transfer", OrderBuilder.Clerk, OrderBuilder.Now);
        order.RecordPayment(invoice.Number, amount, OrderBuilder.Clerk, OrderBuilder.Now);
    }

    public static List<OrderLineTerms> CurrentTerms(this SalesOrder order) =>
        order.Lines.Select(l => new OrderLineTerms(l.ProductId, l.Sku, l.Description, l.Unit, l.UnitDecimals, l.Quantity,
            l.UnitPrice, l.ListPrice, l.MaxDiscountPercent, l.TaxRate)).ToList();
}
