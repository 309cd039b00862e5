using Orderly.Domain.Billing;
using Orderly.Domain.Common;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Application.Events;

/// <summary>What changed, as the history entry says it: the action, the statuses before and after, and why.</summary>
public sealed record ChangePayload(string Action, string? FromStatus, string ToStatus, string Reason);

public sealed record OrderLinePayload(int LineNo, string Sku, decimal Quantity, decimal ReservedQuantity, decimal ShippedQuantity,
    decimal InvoicedQuantity, decimal? UnitPrice, DateOnly? PromisedDate);

/// <summary>A sales order's state after the change, with money at its currency's minor unit and quantities at their unit's decimals.</summary>
public sealed record OrderPayload(Guid Id, string Number, Guid CustomerId, string Status, string? HoldReason, string Currency,
    DateOnly? RequestedDate, int Priority, decimal TotalAmount, decimal InvoicedAmount, decimal PaidAmount, IReadOnlyList<OrderLinePayload> Lines,
    ChangePayload Change);

public sealed record PurchaseOrderLinePayload(int LineNo, string Sku, decimal Quantity, decimal ReceivedQuantity);

public sealed record PurchaseOrderPayload(Guid Id, string Number, Guid SupplierId, Guid WarehouseId, string Status, string Currency,
    DateOnly ExpectedDate, DateOnly? PromisedDate, IReadOnlyList<PurchaseOrderLinePayload> Lines, ChangePayload Change);

public sealed record AlertPayload(Guid Id, string Kind, string Status, string? Sku, Guid? WarehouseId, Guid? PurchaseOrderId, Guid? ProposalId,
    string Message, string? Resolution);

/// <summary>A work item's assignment or SLA mark (<c>work.*</c>): the order, the step and its department, the assignee, the due time (UTC) and what happened in words.</summary>
public sealed record WorkPayload(Guid OrderId, string OrderNumber, string Step, string Department, Guid? AssigneeId, DateTimeOffset? DueAt,
    int EscalationLevel, string Detail);

public sealed record PaymentPayload(decimal Amount, DateOnly ReceivedOn, string Reference);

/// <summary>An invoice's state after the change; <see cref="Payment"/> is the payment a <c>payment.recorded</c> event records.</summary>
public sealed record InvoicePayload(Guid Id, string Number, Guid OrderId, Guid CustomerId, string Currency, DateOnly IssuedOn, DateOnly DueOn,
    decimal NetAmount, decimal TaxAmount, decimal TotalAmount, decimal PaidAmount, decimal OpenAmount, PaymentPayload? Payment);

/// <summary>The payload of each kind of aggregate (ADR 0015): what a customer or another system needs to follow it, not its internals.</summary>
internal static class EventPayloads
{
    public static OrderPayload Of(SalesOrder order, OrderHistoryEntry change, MoneyRounding rounding)
    {
        var currency = order.CurrencyUnit;
        return new OrderPayload(order.Id.Value, order.Number, order.CustomerId.Value, order.Status.ToString(), order.HoldReason?.ToString(),
            order.Currency, order.RequestedDate, order.Priority, NumberForm.Money(order.TotalAmount(rounding), currency),
            NumberForm.Money(order.InvoicedAmount, currency), NumberForm.Money(order.PaidAmount, currency),
            order.Lines.OrderBy(l => l.LineNo).Select(l => new OrderLinePayload(l.LineNo, l.Sku, NumberForm.Quantity(l.Quantity, l.UnitDecimals),
                NumberForm.Quantity(l.ReservedQuantity, l.UnitDecimals), NumberForm.Quantity(l.ShippedQuantity, l.UnitDecimals),
                NumberForm.Quantity(l.InvoicedQuantity, l.UnitDecimals), NumberForm.Price(l.UnitPrice, currency), l.PromisedDate)).ToList(),
            new ChangePayload(change.Action, change.FromStatus?.ToString(), change.ToStatus.ToString(), change.Reason));
    }

    public static PurchaseOrderPayload Of(PurchaseOrder order, PurchaseOrderHistoryEntry change) =>
        new(order.Id.Value, order.Number, order.SupplierId.Value, order.WarehouseId.Value, order.Status.ToString(), order.Currency,
            order.ExpectedDate, order.PromisedDate,
            order.Lines.OrderBy(l => l.LineNo).Select(l => new PurchaseOrderLinePayload(l.LineNo, l.Sku, l.Quantity, l.ReceivedQuantity)).ToList(),
            new ChangePayload(change.Action, change.FromStatus?.ToString(), change.ToStatus.ToString(), change.Reason));

    public static AlertPayload Of(StockAlert alert) =>
        new(alert.Id.Value, alert.Kind.ToString(), alert.Status.ToString(), alert.Sku, alert.WarehouseId?.Value, alert.PurchaseOrderId?.Value,
            alert.ProposalId?.Value, alert.Message, alert.Resolution);

    public static InvoicePayload Of(Invoice invoice, Payment? payment)
    {
        var currency = Currency.Of(invoice.Currency);
        decimal Money(decimal amount) => NumberForm.Money(amount, currency);
        return new InvoicePayload(invoice.Id.Value, invoice.Number, invoice.OrderId.Value, invoice.CustomerId.Value, invoice.Currency,
            invoice.IssuedOn, invoice.DueOn, Money(invoice.NetAmount), Money(invoice.TaxAmount), Money(invoice.TotalAmount),
            Money(invoice.PaidAmount), Money(invoice.OpenAmount),
            payment is null ? null : new PaymentPayload(Money(payment.Amount), payment.ReceivedOn, payment.Reference));
    }
}
