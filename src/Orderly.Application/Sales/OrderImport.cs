using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>A batch of new orders, each as <c>POST /api/orders</c> takes it.</summary>
public sealed record ImportOrdersRequest(IReadOnlyList<PlaceOrderRequest> Orders);

/// <summary>One order a batch created: its key and its human number.</summary>
public sealed record ImportedOrder(Guid Id, string Number);

/// <summary>What a batch created, in the order the batch sent them.</summary>
public sealed record ImportedOrders(IReadOnlyList<ImportedOrder> Orders);

/// <summary>
/// Places many orders in one transaction, all or nothing, with the rules of single order entry (<see cref="OrderEntry"/>
/// for customer and lines, <see cref="DocumentNumbers"/>, <see cref="SalesOrder.Receive"/>). An invalid order refuses
/// the whole batch, and every field error names its order by index (<c>orders[17].lines[2].sku</c>). Customers,
/// products and numbers are fetched once per batch rather than once per order. Each imported line is promised in the
/// same save as if last in the queue behind the orders before it in the batch, and exactly a moment later (ADR 0009).
/// </summary>
public sealed class OrderImport(OrderlyDbContext db, DocumentNumbers numbers, PromiseDates promises, TimeProvider clock)
{
    public const int MaxOrders = 1000;

    public async Task<ImportedOrders> ImportAsync(ImportOrdersRequest request, string actor, CancellationToken ct)
    {
        var batch = request.Orders ?? [];
        if (batch.Count == 0)
            throw InvalidInput.ForField("orders", "order.import_empty", "Send at least one order in 'orders'.");
        if (batch.Count > MaxOrders)
            throw InvalidInput.ForField("orders", "order.import_too_many",
                $"A batch holds at most {MaxOrders} orders; this one has {batch.Count}. Split it into several batches.");

        return await db.InTransactionAsync(async () =>
        {
            var entry = new OrderEntry(db);
            var customers = await entry.CustomersAsync(batch, ct);
            var products = await entry.ProductsAsync(batch.SelectMany(o => o?.Lines ?? []), ct);
            var numbered = await numbers.NextAsync(DocumentNumbers.SalesOrder, batch.Count, ct);
            var now = clock.GetUtcNow();
            var refusal = new BatchRefusal(batch.Count);
            var orders = new List<SalesOrder>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i] is not { } order)
                {
                    refusal.Add(i, InvalidInput.ForField("", "order.invalid", "An order cannot be null."));
                    continue;
                }
                try
                {
                    var customer = OrderEntry.Customer(customers, order.CustomerId, order.CustomerCode);
                    var lines = OrderEntry.Terms(customer, order.Lines, products);
                    orders.Add(SalesOrder.Receive(OrderId.New(), numbered[i], customer, lines, order.RequestedDate, order.Note, actor, now,
                        order.Priority ?? SalesOrder.DefaultPriority));
                }
                catch (InvalidInput e)
                {
                    refusal.Add(i, e);
                }
            }
            refusal.ThrowIfAny();

            db.SalesOrders.AddRange(orders);
            // Each imported line gets its promise in this save, from one read of the batch's positions; the exact
            // re-promise after commit follows for the batch's SKUs (ADR 0009).
            await promises.PromiseNewOrdersAsync(orders, actor, ct);
            return new ImportedOrders(orders.Select(o => new ImportedOrder(o.Id.Value, o.Number)).ToList());
        }, ct);
    }

    /// <summary>Collects the refusals of every order of a batch, each field prefixed with the order's index.</summary>
    private sealed class BatchRefusal(int total)
    {
        private readonly FieldErrors _errors = new();
        private (int Index, InvalidInput Error)? _first;
        private int _refused;

        public void Add(int index, InvalidInput error)
        {
            _first ??= (index, error);
            _refused++;
            foreach (var (field, messages) in error.FieldErrors)
            foreach (var message in messages)
                _errors.Add(field.Length == 0 ? $"orders[{index}]" : $"orders[{index}].{field}", message);
        }

        public void ThrowIfAny()
        {
            if (_first is not { } first) return;
            var others = _refused > 1 ? $" {_refused - 1} other order(s) of the batch are refused too." : "";
            throw new InvalidInput(first.Error.Code,
                $"Nothing of the {total} order(s) was imported: the order at orders[{first.Index}] is refused. {first.Error.Message}{others}",
                _errors.ToDictionary());
        }
    }
}
