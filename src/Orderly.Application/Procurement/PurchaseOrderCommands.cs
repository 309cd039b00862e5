using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;
using Orderly.Domain.Procurement;

namespace Orderly.Application.Procurement;

/// <summary>
/// Runs <c>POST /api/purchase-orders/{id}/{command}</c> (send, confirm, cancel): one transaction per command, the version
/// checked first. Which command is allowed is decided by <see cref="PurchaseOrderLifecycle"/> only. Confirm and cancel
/// change the supply on the way, so the promise dates of the order's SKUs are recomputed in the same transaction.
/// </summary>
public sealed class PurchaseOrderCommands(OrderlyDbContext db, PurchaseOrderStore store, PromiseDates promises, TimeProvider clock)
{
    /// <summary>The commands <c>POST /api/purchase-orders/{id}/{command}</c> runs; goods are received through /receipts.</summary>
    public static readonly IReadOnlyList<PurchaseOrderCommand> Invocable = [PurchaseOrderCommand.Send, PurchaseOrderCommand.Confirm, PurchaseOrderCommand.Cancel];

    public async Task<PurchaseOrderView> ExecuteAsync(Guid id, string action, PurchaseOrderCommandRequest body, int? expectedVersion,
        string actor, CancellationToken ct)
    {
        var command = Parse(action);
        return await db.InTransactionAsync(async () =>
        {
            var order = await store.ForChangeAsync(id, expectedVersion, ct);
            var now = clock.GetUtcNow();
            switch (command)
            {
                case PurchaseOrderCommand.Send: order.Send(actor, now); break;
                case PurchaseOrderCommand.Confirm: order.Confirm(PromisedDate(order, body), store.Today, actor, now); break;
                case PurchaseOrderCommand.Cancel: order.Cancel(body.Reason ?? "", actor, now); break;
                default: throw new InvalidOperationException($"No handler for {command}.");
            }
            // Supply moved; a sent proposal also counts as on order, which can end its low-stock alert.
            await promises.ChangedAsync(order.Lines.Select(l => l.Sku), ct);
            return await store.ViewAsync(order, ct);
        }, ct);
    }

    /// <summary>The date is only asked for once the table allows confirming, so a refused confirm is refused for its status.</summary>
    private static DateOnly PromisedDate(PurchaseOrder order, PurchaseOrderCommandRequest body)
    {
        PurchaseOrderLifecycle.Permit(order, PurchaseOrderCommand.Confirm);
        return body.PromisedDate
            ?? throw InvalidInput.ForField("promisedDate", "purchase_order.promised_date_required", "Say when the supplier promised delivery ('promisedDate').");
    }

    private static PurchaseOrderCommand Parse(string action)
    {
        if (PurchaseOrderLifecycle.TryParseAction(action, out var command) && Invocable.Contains(command)) return command;
        if (string.Equals(action, PurchaseOrderCommand.Receive.ToActionName(), StringComparison.OrdinalIgnoreCase))
            throw InvalidInput.ForField("command", "purchase_order.command_unknown",
                "Receive goods with POST /api/purchase-orders/{id}/receipts and the line, quantity and reference.");
        throw InvalidInput.ForField("command", "purchase_order.command_unknown",
            $"'{action}' is not a purchase order command. Use one of: {string.Join(", ", Invocable.Select(c => c.ToActionName()))}.");
    }
}
