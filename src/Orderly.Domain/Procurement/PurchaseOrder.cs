using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>
/// Goods bought from one supplier into one warehouse. Each command asks <see cref="PurchaseOrderLifecycle"/> first and
/// leaves a history entry; goods receipts come back as <see cref="GoodsReceipt"/>s for the stock ledger.
/// </summary>
public sealed class PurchaseOrder
{
    private readonly List<PurchaseOrderLine> _lines = [];
    private readonly List<PurchaseOrderHistoryEntry> _history = [];

    private PurchaseOrder() { }

    public PurchaseOrderId Id { get; private set; }
    public string Number { get; private set; } = "";
    public SupplierId SupplierId { get; private set; }
    public WarehouseId WarehouseId { get; private set; }
    public string Currency { get; private set; } = "";
    public PurchaseOrderStatus Status { get; private set; }
    /// <summary>When the goods are expected: the supplier's promise once confirmed, before that order date plus lead time.</summary>
    public DateOnly ExpectedDate { get; private set; }
    public DateOnly? PromisedDate { get; private set; }
    /// <summary>Why the purchase order exists, in words (a person, a low-stock proposal, a re-sourcing proposal).</summary>
    public string Origin { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;
    public IReadOnlyList<PurchaseOrderHistoryEntry> History => _history;
    public IReadOnlyList<PurchaseOrderCommand> AllowedCommands => PurchaseOrderLifecycle.AllowedCommands(this);

    /// <summary>Still to arrive: statuses in which open quantity counts as supply on the way.</summary>
    public static readonly PurchaseOrderStatus[] OpenStatuses =
        [PurchaseOrderStatus.Draft, PurchaseOrderStatus.Sent, PurchaseOrderStatus.Confirmed, PurchaseOrderStatus.PartiallyReceived];

    /// <summary>Whether its open quantity counts as supply on the way (<see cref="OpenStatuses"/>).</summary>
    public bool IsOpen => OpenStatuses.Contains(Status);

    public static PurchaseOrder Draft(PurchaseOrderId id, string number, Supplier supplier, WarehouseId warehouse,
        IReadOnlyList<PurchaseOrderLineTerms> lines, DateOnly expectedDate, string origin, string actor, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (lines.Count == 0) errors.Add("lines", "A purchase order needs at least one line.");
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Quantity <= 0) errors.Add($"lines[{i}].quantity", "The quantity must be greater than zero.");
            else Limits.QuantityFits(errors, $"lines[{i}].quantity", lines[i].Quantity);
            Limits.UnitPriceFits(errors, $"lines[{i}].unitPrice", lines[i].UnitPrice);
        }
        if (lines.GroupBy(l => l.Sku).Any(g => g.Count() > 1)) errors.Add("lines", "Name each SKU once per purchase order.");
        errors.ThrowIfAny("purchase_order.invalid", "The purchase order cannot be drafted as sent.");

        var order = new PurchaseOrder
        {
            Id = id, Number = number, SupplierId = supplier.Id, WarehouseId = warehouse, Currency = supplier.Currency,
            Status = PurchaseOrderStatus.Draft, ExpectedDate = expectedDate, Origin = origin, CreatedAt = now,
        };
        for (var i = 0; i < lines.Count; i++) order._lines.Add(new PurchaseOrderLine(id, i + 1, lines[i].Sku, lines[i].Quantity, lines[i].UnitPrice));
        order.Touch(now);
        order._history.Add(PurchaseOrderHistoryEntry.Record(id, now, actor, PurchaseOrderHistoryEntry.DraftedAction, null, PurchaseOrderStatus.Draft, origin));
        return order;
    }

    public PurchaseOrderLine Line(int lineNo) =>
        _lines.FirstOrDefault(l => l.LineNo == lineNo)
        ?? throw InvalidInput.ForField("lineNo", "purchase_order.line_unknown", $"Purchase order {Number} has no line {lineNo}.");

    public void Send(string actor, DateTimeOffset now) =>
        MoveTo(PurchaseOrderLifecycle.Permit(this, PurchaseOrderCommand.Send), PurchaseOrderStatus.Sent, actor, now, "Sent to the supplier.");

    /// <summary>The supplier confirms (or later moves) the delivery date.</summary>
    public void Confirm(DateOnly promisedDate, DateOnly today, string actor, DateTimeOffset now)
    {
        var row = PurchaseOrderLifecycle.Permit(this, PurchaseOrderCommand.Confirm);
        if (promisedDate < today)
            throw InvalidInput.ForField("promisedDate", "purchase_order.promised_date_in_past",
                $"A promised date cannot be before today ({today:yyyy-MM-dd}).");
        var before = PromisedDate;
        PromisedDate = promisedDate;
        ExpectedDate = promisedDate;
        MoveTo(row, Status == PurchaseOrderStatus.Sent ? PurchaseOrderStatus.Confirmed : Status, actor, now,
            before is null ? $"Supplier promised delivery on {promisedDate:yyyy-MM-dd}." : $"Supplier moved delivery from {before:yyyy-MM-dd} to {promisedDate:yyyy-MM-dd}.");
    }

    /// <summary>Goods arrived for one line; returns the receipt the stock ledger posts.</summary>
    public GoodsReceipt Receive(int lineNo, decimal quantity, string reference, string actor, DateTimeOffset now)
    {
        var row = PurchaseOrderLifecycle.Permit(this, PurchaseOrderCommand.Receive);
        var line = Line(lineNo);
        if (quantity <= 0)
            throw InvalidInput.ForField("quantity", "receipt.quantity_not_positive", "A received quantity must be greater than zero.");
        if (quantity > line.OpenQuantity)
            throw new BusinessRuleViolation("receipt.exceeds_open_quantity",
                $"Line {lineNo} of {Number} has {Written(line.OpenQuantity)} open; receiving {Written(quantity)} would exceed what was ordered.");
        line.ReceivedQuantity += quantity;
        var target = _lines.All(l => l.OpenQuantity == 0) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartiallyReceived;
        MoveTo(row, target, actor, now, $"Received {quantity} {line.Sku} on line {lineNo}.");
        return GoodsReceipt.Post(Id, lineNo, WarehouseId, line.Sku, quantity, reference, actor, now);
    }

    public void Cancel(string reason, string actor, DateTimeOffset now)
    {
        var row = PurchaseOrderLifecycle.Permit(this, PurchaseOrderCommand.Cancel);
        if (string.IsNullOrWhiteSpace(reason))
            throw InvalidInput.ForField("reason", "purchase_order.reason_required", "A reason is required when cancelling a purchase order.");
        var open = _lines.Where(l => l.OpenQuantity > 0 && l.ReceivedQuantity > 0).Select(l => $"line {l.LineNo}: {l.OpenQuantity} {l.Sku}").ToList();
        MoveTo(row, PurchaseOrderStatus.Cancelled, actor, now,
            reason.Trim() + (open.Count == 0 ? "" : $" Cancelled what was still open ({string.Join(", ", open)}); what arrived stays received."));
    }

    /// <summary>Confirmed but past its promised date with goods still open.</summary>
    public bool IsLate(DateOnly today) =>
        Status is PurchaseOrderStatus.Confirmed or PurchaseOrderStatus.PartiallyReceived
        && PromisedDate < today && _lines.Any(l => l.OpenQuantity > 0);

    private void MoveTo(PurchaseOrderTransition row, PurchaseOrderStatus target, string actor, DateTimeOffset now, string reason)
    {
        if (!row.To.Contains(target))
            throw new InvalidOperationException($"The purchase order table has no {row.From} --{row.Command}--> {target}.");
        var from = Status;
        Status = target;
        Touch(now);
        _history.Add(PurchaseOrderHistoryEntry.Record(Id, now, actor, row.Command.ToActionName(), from, target, reason));
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>A quantity in a message as a person writes it (20, 2.5), whatever scale the database stored it with.</summary>
    private static string Written(decimal quantity) => quantity.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record PurchaseOrderLineTerms(string Sku, decimal Quantity, decimal UnitPrice);

public sealed class PurchaseOrderLine(PurchaseOrderId purchaseOrderId, int lineNo, string sku, decimal quantity, decimal unitPrice)
{
    public PurchaseOrderId PurchaseOrderId { get; private set; } = purchaseOrderId;
    public int LineNo { get; private set; } = lineNo;
    public string Sku { get; private set; } = sku;
    public decimal Quantity { get; private set; } = quantity;
    public decimal ReceivedQuantity { get; internal set; }
    public decimal UnitPrice { get; private set; } = unitPrice;
    public decimal OpenQuantity => Quantity - ReceivedQuantity;
}
