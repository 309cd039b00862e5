using Microsoft.EntityFrameworkCore;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Persistence;

/// <summary>
/// Copies each new order line's order date and number onto the line (<c>order_lines.received_at_utc</c>,
/// <c>order_lines.order_number</c>, migration 0022), the key of the SKU search of the order list
/// (<see cref="Sales.OrderList"/>). Both never change after an order is received, so only added lines need them.
/// </summary>
internal static class OrderLineSortKeys
{
    public const string ReceivedAtUtc = "ReceivedAtUtc";
    public const string OrderNumber = "OrderNumber";

    /// <summary>Before a save: fills the two columns of every added line from its order, which the same unit of work tracks.</summary>
    public static void Track(OrderlyDbContext db)
    {
        Dictionary<OrderId, SalesOrder>? orders = null;
        foreach (var line in db.ChangeTracker.Entries<OrderLine>().Where(l => l.State == EntityState.Added))
        {
            orders ??= db.ChangeTracker.Entries<SalesOrder>().ToDictionary(o => o.Entity.Id, o => o.Entity);
            if (!orders.TryGetValue(line.Entity.OrderId, out var order))
                throw new InvalidOperationException($"Order line {line.Entity.LineNo} is added without its order {line.Entity.OrderId} in the unit of work.");
            line.Property(ReceivedAtUtc).CurrentValue = order.ReceivedAt.UtcDateTime;
            line.Property(OrderNumber).CurrentValue = order.Number;
        }
    }
}
