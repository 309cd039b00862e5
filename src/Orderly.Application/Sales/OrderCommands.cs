using Orderly.Application.Billing;
using Orderly.Application.Common;
using Orderly.Application.Fulfilment;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Runs <c>POST /api/orders/{id}/{command}</c>: one transaction per command, the order's version checked first, and
/// the order as it stands afterwards returned. Which commands are allowed is decided by <see cref="OrderLifecycle"/> only.
/// </summary>
public sealed class OrderCommands(
    OrderlyDbContext db, OrderStore store, OrderUseCases orders, OrderReservations reservations, ShipmentUseCases shipments,
    InvoiceUseCases invoices, Backorders backorders, PromiseDates promises, TimeProvider clock)
{
    public async Task<OrderView> ExecuteAsync(Guid id, string action, OrderCommandRequest body, int? expectedVersion, string actor,
        CancellationToken ct)
    {
        var command = Parse(action);
        return await db.InTransactionAsync(async () =>
        {
            var order = await store.ForChangeAsync(id, expectedVersion, ct);
            await RunAsync(order, command, body, actor, ct);
            if (MovesDemandOrStock.Contains(command)) await promises.PromiseOrderAsync(order, actor, ct);
            else if (command == OrderCommand.Confirm) await promises.ChangedAsync(order.Lines.Select(l => l.Sku), ct); // ranks it ahead of uncommitted orders
            await db.SaveChangesAsync(ct);
            return await store.ViewAsync(order, ct);
        }, ct);
    }

    private async Task RunAsync(SalesOrder order, OrderCommand command, OrderCommandRequest body, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reason = body.Reason ?? "";
        switch (command)
        {
            case OrderCommand.Submit: await orders.SubmitAsync(order, actor, ct); break;
            case OrderCommand.Approve: await orders.ApproveAsync(order, reason, actor, ct); break;
            case OrderCommand.Reject: order.Reject(reason, actor, now); break;
            case OrderCommand.Hold: order.Hold(reason, actor, now); break;
            case OrderCommand.Release: await orders.ReleaseAsync(order, body.Reason, actor, ct); break;
            case OrderCommand.Confirm: order.Confirm(actor, now); break;
            case OrderCommand.Reserve: await reservations.ReserveAsync(order, actor, ct); break;
            case OrderCommand.Ship: await shipments.ShipAsync(order, body.Lines, actor, ct); break;
            case OrderCommand.Invoice: await invoices.InvoiceAsync(order, actor, ct); break;
            case OrderCommand.RecordPayment:
                var amount = body.Amount ?? throw InvalidInput.ForField("amount", "payment.amount_required", "Say how much was paid ('amount').");
                await invoices.RecordPaymentAsync(order, body.InvoiceNumber, new RecordPaymentRequest(amount, body.Reference, body.ReceivedOn), actor, ct);
                break;
            case OrderCommand.Close: order.Close(actor, now); break;
            case OrderCommand.Cancel:
                var held = order.Reservations.Select(r => r.Sku).Distinct().ToList();
                await reservations.CancelAsync(order, reason, actor, ct);
                await db.SaveChangesAsync(ct);
                foreach (var sku in held) await backorders.ServeAsync(sku, $"released by cancelling {order.Number}", actor, ct);
                break;
            default: throw new InvalidOperationException($"No handler for {command}.");
        }
    }

    private static OrderCommand Parse(string action)
    {
        if (TryParse(action, out var command)) return command;
        if (string.Equals(action, OrderCommand.Edit.ToActionName(), StringComparison.OrdinalIgnoreCase))
            throw InvalidInput.ForField("command", "order.command_unknown", "Edit an order with PUT /api/orders/{id} and its new lines.");
        throw InvalidInput.ForField("command", "order.command_unknown",
            $"'{action}' is not an order command. Use one of: {string.Join(", ", Invocable.Select(c => c.ToActionName()))}.");
    }

    /// <summary>
    /// Commands after which the order's own lines are promised again and its SKUs queued for the re-promise (ADR 0009).
    /// Confirm only queues: it moves the order's place among others, not what stands ahead of its lines at the tail.
    /// </summary>
    private static readonly OrderCommand[] MovesDemandOrStock =
        [OrderCommand.Reserve, OrderCommand.Ship, OrderCommand.Cancel, OrderCommand.Reject];

    /// <summary>The commands <c>POST /api/orders/{id}/{command}</c> runs: all but edit (PUT) and review (the system's own).</summary>
    public static readonly IReadOnlyList<OrderCommand> Invocable =
        Enum.GetValues<OrderCommand>().Where(c => c is not OrderCommand.Edit and not OrderCommand.Review).ToArray();

    private static bool TryParse(string action, out OrderCommand command) =>
        OrderCommandNames.TryParseAction(action, out command) && Invocable.Contains(command);
}
