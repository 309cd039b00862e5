using Orderly.Domain.Common;
using Orderly.Domain.Customers;

namespace Orderly.Domain.Sales;

/// <summary>
/// The sales order aggregate: lines, status, hold, and the record of every change. Each command asks
/// <see cref="OrderLifecycle"/> first, so a refused command changes nothing and every accepted one leaves a history entry.
/// </summary>
public sealed class SalesOrder
{
    public const int MaxLines = 500;
    public const int DefaultPriority = 5;

    private readonly List<OrderLine> _lines = [];
    private readonly List<LineReservation> _reservations = [];
    private readonly List<OrderHistoryEntry> _history = [];

    private SalesOrder() { }

    public OrderId Id { get; private set; }
    public string Number { get; private set; } = "";
    public CustomerId CustomerId { get; private set; }
    public string Currency { get; private set; } = "";
    public OrderStatus Status { get; private set; }
    public HoldReason? HoldReason { get; private set; }
    public string HoldNote { get; private set; } = "";
    /// <summary>Review holds an approval has overridden since the last edit, e.g. "Price,Credit" (<see cref="HoldOverrides"/>).</summary>
    public string ApprovedHolds { get; private set; } = "";
    public DateOnly? RequestedDate { get; private set; }
    /// <summary>1 (most urgent) to 9; backorders are served in this order first when goods arrive.</summary>
    public int Priority { get; private set; } = DefaultPriority;
    public string Note { get; private set; } = "";
    public decimal InvoicedAmount { get; private set; }
    public decimal PaidAmount { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<LineReservation> Reservations => _reservations;
    public IReadOnlyList<OrderHistoryEntry> History => _history;

    public IReadOnlyList<OrderCommand> AllowedCommands => OrderLifecycle.AllowedCommands(this);

    public static SalesOrder Receive(OrderId id, string number, Customer customer, IReadOnlyList<OrderLineTerms> lines,
        DateOnly? requestedDate, string? note, string actor, DateTimeOffset now, int priority = DefaultPriority)
    {
        if (priority is < 1 or > 9)
            throw InvalidInput.ForField("priority", "order.priority_invalid", "Priority is 1 (most urgent) to 9.");
        var order = new SalesOrder
        {
            Id = id,
            Number = number,
            CustomerId = customer.Id,
            Currency = customer.Currency,
            Status = OrderStatus.Draft,
            Priority = priority,
            ReceivedAt = now,
        };
        order.ReplaceContent(lines, requestedDate, note);
        order.Touch(now);
        order._history.Add(OrderHistoryEntry.Record(id, now, actor, OrderHistoryEntry.ReceivedAction, null, OrderStatus.Draft,
            $"Received with {lines.Count} line(s)."));
        return order;
    }

    public Currency CurrencyUnit => Common.Currency.Of(Currency);

    /// <summary>Gross value (net + tax) of everything ordered.</summary>
    public decimal TotalAmount(MoneyRounding rounding) => _lines.Sum(l => l.Amounts(CurrencyUnit, rounding).Gross);

    /// <summary>
    /// Gross value of what is ordered but not yet invoiced: the open-order part of credit exposure. It is what remains of
    /// each line after its invoices, so invoiced plus uninvoiced is always the order's total.
    /// </summary>
    public decimal UninvoicedAmount(MoneyRounding rounding) =>
        _lines.Sum(l => l.PartAmounts(l.InvoicedQuantity, l.Quantity - l.InvoicedQuantity, CurrencyUnit, rounding).Gross);

    public OrderLine Line(int lineNo) =>
        _lines.FirstOrDefault(l => l.LineNo == lineNo)
        ?? throw InvalidInput.ForField("lineNo", "order.line_unknown", $"Order {Number} has no line {lineNo}.");

    public void Edit(IReadOnlyList<OrderLineTerms> lines, DateOnly? requestedDate, string? note, string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Edit);
        ReplaceContent(lines, requestedDate, note);
        HoldReason = null;
        HoldNote = "";
        ApprovedHolds = "";
        MoveTo(row, OrderStatus.Draft, actor, now, $"Edited: {lines.Count} line(s), requested {requestedDate?.ToString("yyyy-MM-dd") ?? "no date"}.");
    }

    public void Submit(string actor, DateTimeOffset now) =>
        MoveTo(OrderLifecycle.Permit(this, OrderCommand.Submit), OrderStatus.Submitted, actor, now, "Submitted for review.");

    /// <summary>Applies the outcome of <see cref="OrderReview"/>: approved when nothing was found, otherwise on hold.</summary>
    public void CompleteReview(IReadOnlyList<ReviewFinding> findings, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Review);
        if (findings.Count == 0)
        {
            MoveTo(row, OrderStatus.Approved, OrderReview.Actor, now, "All review rules passed.");
            return;
        }
        HoldFor(findings);
        MoveTo(row, OrderStatus.OnHold, OrderReview.Actor, now, HoldNote);
    }

    /// <summary>
    /// Overrides the hold the order is on (its <see cref="HoldReason"/>), and nothing else: any finding of
    /// <paramref name="reviewNow"/> (every review rule, evaluated again now) no approval answered holds the order again,
    /// said in <see cref="HoldNote"/> and the history (issue #8). Refuses with <c>order.reason_required</c> (400).
    /// </summary>
    public void Approve(string reason, IReadOnlyList<ReviewFinding> reviewNow, string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Approve);
        RequireReason(reason, "approving an order on hold");
        var answered = HoldReason ?? Sales.HoldReason.Manual;
        ApprovedHolds = HoldOverrides.Add(ApprovedHolds, answered);
        ApproveUnlessHeld(row, reviewNow, actor, now, reason, $"the {answered} hold");
    }

    public void Reject(string reason, string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Reject);
        RequireReason(reason, "rejecting an order");
        MoveTo(row, OrderStatus.Rejected, actor, now, reason);
    }

    public void Hold(string reason, string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Hold);
        RequireReason(reason, "putting an order on hold");
        HoldReason = Sales.HoldReason.Manual;
        HoldNote = reason;
        MoveTo(row, OrderStatus.OnHold, actor, now, reason);
    }

    /// <summary>Lifts a manual hold; a finding of <paramref name="reviewNow"/> holds it again, as in <see cref="Approve"/>.</summary>
    public void Release(string? reason, IReadOnlyList<ReviewFinding> reviewNow, string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Release);
        ApproveUnlessHeld(row, reviewNow, actor, now, string.IsNullOrWhiteSpace(reason) ? "Manual hold released." : reason, "the manual hold");
    }

    public void Confirm(string actor, DateTimeOffset now) =>
        MoveTo(OrderLifecycle.Permit(this, OrderCommand.Confirm), OrderStatus.Confirmed, actor, now, "Confirmed by the customer.");

    /// <summary>Refuses early (before any stock is touched) when <paramref name="command"/> is not allowed now.</summary>
    public void EnsureAllowed(OrderCommand command) => OrderLifecycle.Permit(this, command);

    /// <summary>
    /// Records stock the database has already set aside; lines left short are backordered. A reserve tries every open
    /// line; arriving stock serving one backorder tries <paramref name="servedLine"/> only.
    /// </summary>
    public void RecordReservations(IReadOnlyList<StockAllocation> allocations, string actor, DateTimeOffset now, int? servedLine = null)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Reserve);
        foreach (var perLine in allocations.GroupBy(a => a.LineNo))
        {
            var wanted = perLine.Sum(a => a.Quantity);
            if (perLine.Any(a => a.Quantity <= 0) || wanted > Line(perLine.Key).QuantityToReserve)
                throw new InvalidOperationException($"Allocations of {wanted} exceed what line {perLine.Key} needs.");
        }
        foreach (var tried in _lines.Where(l => servedLine is null ? l.QuantityToReserve > 0 : l.LineNo == servedLine))
            tried.ReservationTried = true;
        foreach (var allocation in allocations)
        {
            var line = Line(allocation.LineNo);
            line.ReservedQuantity += allocation.Quantity;
            var existing = _reservations.FirstOrDefault(r => r.LineNo == allocation.LineNo && r.WarehouseId == allocation.WarehouseId);
            if (existing is null)
            {
                _reservations.Add(LineReservation.Create(Id, allocation.LineNo, allocation.WarehouseId, allocation.Sku, allocation.Quantity,
                    allocation.Reason, now));
            }
            else
            {
                existing.Quantity += allocation.Quantity;
                existing.Reason = string.IsNullOrEmpty(existing.Reason) ? allocation.Reason : $"{existing.Reason} Then: {allocation.Reason}";
            }
        }
        var backordered = _lines.Where(l => l.BackorderedQuantity(Status) > 0).Select(l => $"line {l.LineNo}: {l.QuantityToReserve} {l.Unit}").ToList();
        var why = allocations.Where(a => a.Reason.Length > 0).Select(a => $"Line {a.LineNo}, {a.Quantity}: {a.Reason}").ToList();
        var reason = $"Reserved {allocations.Sum(a => a.Quantity)} in {allocations.Count} allocation(s)."
            + (backordered.Count == 0 ? "" : $" Backordered {string.Join(", ", backordered)}.")
            + (why.Count == 0 ? "" : " " + string.Join(" ", why));
        MoveTo(row, Progress(), actor, now, reason);
    }

    /// <summary>
    /// Ships the requested quantities (all reserved quantity when none is named) out of the line's reservations,
    /// and returns the stock that leaves each warehouse.
    /// </summary>
    public IReadOnlyList<StockRelease> Ship(IReadOnlyList<ShipmentRequestLine>? request, string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Ship);
        var wanted = request is { Count: > 0 }
            ? request
            : _lines.Where(l => l.ReservedQuantity > 0).Select(l => new ShipmentRequestLine(l.LineNo, l.ReservedQuantity)).ToList();
        ValidateShipment(wanted);

        var leaving = new List<StockRelease>();
        foreach (var item in wanted)
        {
            var line = Line(item.LineNo);
            var remaining = item.Quantity;
            foreach (var reservation in _reservations.Where(r => r.LineNo == item.LineNo).ToList())
            {
                if (remaining == 0) break;
                var take = Math.Min(remaining, reservation.Quantity);
                reservation.Quantity -= take;
                remaining -= take;
                leaving.Add(new StockRelease(line.LineNo, reservation.WarehouseId, line.Sku, take));
                if (reservation.Quantity == 0) _reservations.Remove(reservation);
            }
            line.ReservedQuantity -= item.Quantity;
            line.ShippedQuantity += item.Quantity;
        }
        MoveTo(row, Progress(), actor, now,
            $"Shipped {string.Join(", ", wanted.Select(w => $"line {w.LineNo}: {w.Quantity}"))}.");
        return leaving;
    }

    /// <summary>Refuses early when an invoice cannot be issued; the invoice itself is built by Billing from <see cref="Lines"/>.</summary>
    public void RecordInvoice(string invoiceNumber, IReadOnlyList<(int LineNo, decimal Quantity)> invoicedLines, decimal total,
        string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Invoice);
        foreach (var perLine in invoicedLines.GroupBy(l => l.LineNo))
        {
            var quantity = perLine.Sum(l => l.Quantity);
            if (perLine.Any(l => l.Quantity <= 0) || quantity > Line(perLine.Key).QuantityToInvoice)
                throw new InvalidOperationException($"Invoice quantity {quantity} exceeds what line {perLine.Key} has shipped and not invoiced.");
        }
        foreach (var (lineNo, quantity) in invoicedLines) Line(lineNo).InvoicedQuantity += quantity;
        InvoicedAmount += total;
        MoveTo(row, Progress(), actor, now, $"Invoice {invoiceNumber} issued over {total} {Currency}.");
    }

    public void RecordPayment(string invoiceNumber, decimal amount, string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.RecordPayment);
        if (amount <= 0 || PaidAmount + amount > InvoicedAmount)
            throw new InvalidOperationException("A payment must be checked against its invoice before it reaches the order.");
        PaidAmount += amount;
        MoveTo(row, Progress(), actor, now, $"Payment of {amount} {Currency} on invoice {invoiceNumber}.");
    }

    public void Close(string actor, DateTimeOffset now) =>
        MoveTo(OrderLifecycle.Permit(this, OrderCommand.Close), OrderStatus.Closed, actor, now, "Shipped, invoiced and paid in full.");

    /// <summary>Cancels the order and hands back every open reservation so the stock can be released.</summary>
    public IReadOnlyList<StockRelease> Cancel(string reason, string actor, DateTimeOffset now)
    {
        var row = OrderLifecycle.Permit(this, OrderCommand.Cancel);
        RequireReason(reason, "cancelling an order");
        var released = _reservations.Select(r => new StockRelease(r.LineNo, r.WarehouseId, r.Sku, r.Quantity)).ToList();
        _reservations.Clear();
        foreach (var line in _lines) line.ReservedQuantity = 0;
        var undone = released.Count == 0 ? "" : $" Released {released.Sum(r => r.Quantity)} reserved unit(s).";
        MoveTo(row, OrderStatus.Cancelled, actor, now, reason + undone);
        return released;
    }

    /// <summary>
    /// Sets when a line can be delivered and why; a move is kept in the history (a line's first promise is not a move).
    /// Not a lifecycle command: the status stays, and so does <see cref="Version"/>, so that a promise moved by someone
    /// else's order never makes a client's If-Match stale (ADR 0009).
    /// </summary>
    public bool Promise(int lineNo, DateOnly? date, string basis, string actor, DateTimeOffset now)
    {
        var line = Line(lineNo);
        if (line.PromisedDate == date && line.PromiseBasis == basis) return false;
        var before = line.PromisedDate;
        var first = line.PromiseBasis.Length == 0;
        line.PromisedDate = date;
        line.PromiseBasis = basis;
        if (before != date && !first) _history.Add(OrderHistoryEntry.PromiseMoved(Id, Status, lineNo, before, date, basis, actor, now));
        return true;
    }

    /// <summary>Where the order stands once it is confirmed, read off its quantities and money.</summary>
    private OrderStatus Progress()
    {
        if (_lines.All(l => l.ReservedQuantity == 0 && l.ShippedQuantity == 0)) return OrderStatus.Confirmed;
        if (_lines.Any(l => l.ShippedQuantity < l.Quantity)) return OrderStatus.Fulfilling;
        if (_lines.All(l => l.InvoicedQuantity == 0)) return OrderStatus.Shipped;
        if (_lines.Any(l => l.InvoicedQuantity < l.ShippedQuantity)) return OrderStatus.PartiallyInvoiced;
        return PaidAmount >= InvoicedAmount ? OrderStatus.Paid : OrderStatus.Invoiced;
    }

    private void ValidateShipment(IReadOnlyList<ShipmentRequestLine> wanted)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < wanted.Count; i++)
        {
            var item = wanted[i];
            var line = _lines.FirstOrDefault(l => l.LineNo == item.LineNo);
            if (line is null) errors.Add($"lines[{i}].lineNo", $"Order {Number} has no line {item.LineNo}.");
            else if (item.Quantity <= 0) errors.Add($"lines[{i}].quantity", "Ship a quantity greater than zero.");
            else if (!QuantityPrecision.Fits(item.Quantity, line.UnitDecimals))
                errors.Add($"lines[{i}].quantity", $"'{line.Unit}' allows {line.UnitDecimals} decimal(s).");
            else if (item.Quantity > line.ReservedQuantity)
                errors.Add($"lines[{i}].quantity", $"Line {line.LineNo} has only {line.ReservedQuantity} {line.Unit} reserved to ship.");
        }
        if (wanted.GroupBy(w => w.LineNo).Any(g => g.Count() > 1)) errors.Add("lines", "Name each line once per shipment.");
        errors.ThrowIfAny("shipment.invalid", "The shipment cannot be posted as sent.");
    }

    private void ReplaceContent(IReadOnlyList<OrderLineTerms> lines, DateOnly? requestedDate, string? note)
    {
        if (lines.Count > MaxLines)
            throw InvalidInput.ForField("lines", "order.too_many_lines", $"An order has at most {MaxLines} lines; split it into several orders.");
        _lines.Clear();
        for (var i = 0; i < lines.Count; i++) _lines.Add(OrderLine.Create(Id, i + 1, lines[i]));
        RequestedDate = requestedDate;
        Note = note?.Trim() ?? "";
    }

    private void ApproveUnlessHeld(OrderTransition row, IReadOnlyList<ReviewFinding> reviewNow, string actor, DateTimeOffset now,
        string reason, string lifted)
    {
        var outstanding = HoldOverrides.Outstanding(reviewNow, ApprovedHolds);
        if (outstanding.Count == 0)
        {
            HoldReason = null;
            HoldNote = "";
            MoveTo(row, OrderStatus.Approved, actor, now, reason);
            return;
        }
        HoldFor(outstanding);
        MoveTo(row, OrderStatus.OnHold, actor, now, $"{reason} This lifts {lifted}, but the review now holds the order for {HoldReason}: {HoldNote}");
    }

    private void HoldFor(IReadOnlyList<ReviewFinding> findings)
    {
        HoldReason = findings.Min(f => f.Reason);
        HoldNote = string.Join(" ", findings.Select(f => $"[{f.Code}] {f.Message}"));
    }

    private static void RequireReason(string? reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw InvalidInput.ForField("reason", "order.reason_required", $"A reason is required when {what}.");
    }

    private void MoveTo(OrderTransition row, OrderStatus target, string actor, DateTimeOffset now, string reason)
    {
        if (!row.To.Contains(target))
            throw new InvalidOperationException($"The lifecycle table has no {row.From} --{row.Command}--> {target}.");
        var from = Status;
        Status = target;
        Touch(now);
        _history.Add(OrderHistoryEntry.Record(Id, now, actor, row.Command.ToActionName(), from, target, reason));
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

public sealed record ShipmentRequestLine(int LineNo, decimal Quantity);
