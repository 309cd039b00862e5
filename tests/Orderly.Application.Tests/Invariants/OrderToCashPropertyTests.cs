using Microsoft.EntityFrameworkCore;
using Orderly.Application.Billing;
using Orderly.Application.Catalog;
using Orderly.Application.Common;
using Orderly.Application.Customers;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;
using Orderly.Domain.Common;

namespace Orderly.Application.Tests.Invariants;

/// <summary>
/// Random sequences of receipts, orders, reservations, shipments, cancellations, invoices and payments, with the
/// ledger invariants checked after every step. A failure names its seed; rerun it with ORDERLY_SEED=&lt;seed&gt;.
/// </summary>
public sealed class OrderToCashPropertyTests
{
    private static readonly string[] Skus = ["CHAI", "COFFEE"];
    private static readonly string[] Warehouses = ["MAIN", "EAST"];

    public static TheoryData<int> Seeds() => RandomSeeds.With(1, 20261123);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Random_operation_sequences_keep_stock_reservations_and_money_consistent(int seed)
    {
        var options = new OrderlyOptions { MoneyMidpoint = seed % 2 == 0 ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero };
        await using var database = await TestDatabase.CreateAsync(options: options);
        await SeedMasterDataAsync(database);
        var run = new Run(database, new Random(seed));
        var log = new List<string>();
        for (var step = 0; step < 80; step++)
        {
            var done = await run.NextAsync();
            log.Add(done);
            var violations = await database.WithAsync<OrderlyDbContext, IReadOnlyList<string>>(db => LedgerInvariants.ViolationsAsync(db, options.Rounding));
            violations.ShouldBeEmpty($"seed {seed}, after step {step} ({done}). Steps:\n{string.Join("\n", log)}");
        }
        (run.Succeeded.GetValueOrDefault("ship") + run.Succeeded.GetValueOrDefault("pay")).ShouldBeGreaterThan(0,
            $"seed {seed} exercised too little: {string.Join(", ", run.Succeeded.Select(kv => $"{kv.Key}={kv.Value}"))}");
    }

    /// <summary>
    /// The same random operations from two server instances on one database at once (issue 9, item 4): on PostgreSQL
    /// their transactions overlap and lose races, which are run again (ADR 0017); the ledger must balance afterwards and
    /// every document series must stay gapless.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Random_operation_sequences_from_two_instances_at_once_keep_the_ledger_consistent_and_numbers_gapless(int seed)
    {
        var options = new OrderlyOptions { BusinessTimeZone = "UTC" };
        await using var database = await TestDatabase.CreateAsync(options: options);
        await using var other = database.AnotherInstance();
        await SeedMasterDataAsync(database);
        var runs = new[] { new Run(database, new Random(seed)), new Run(other, new Random(seed + 1)) };
        var logs = await Task.WhenAll(runs.Select(run => Task.Run(async () =>
        {
            var log = new List<string>();
            for (var step = 0; step < 40; step++) log.Add(await run.NextAsync());
            return log;
        })));

        var steps = $"seed {seed}. Steps of the first instance:\n{string.Join("\n", logs[0])}\nof the second:\n{string.Join("\n", logs[1])}";
        (await database.WithAsync<OrderlyDbContext, IReadOnlyList<string>>(db => LedgerInvariants.ViolationsAsync(db, options.Rounding))).ShouldBeEmpty(steps);
        (await database.WithAsync<OrderlyDbContext, IReadOnlyList<string>>(GapsAsync)).ShouldBeEmpty(steps);
    }

    /// <summary>Each document series numbered 1 to its counter without a gap or a repeat.</summary>
    private static async Task<IReadOnlyList<string>> GapsAsync(OrderlyDbContext db)
    {
        var numbers = new Dictionary<string, List<string>>
        {
            [DocumentNumbers.SalesOrder] = await db.SalesOrders.Select(o => o.Number).ToListAsync(),
            [DocumentNumbers.Shipment] = await db.Shipments.Select(s => s.Number).ToListAsync(),
            [DocumentNumbers.Invoice] = await db.Invoices.Select(i => i.Number).ToListAsync(),
            [DocumentNumbers.PurchaseOrder] = await db.PurchaseOrders.Select(p => p.Number).ToListAsync(),
        };
        var counters = await db.NumberSequences.ToDictionaryAsync(s => s.Name, s => s.NextValue);
        var gaps = new List<string>();
        foreach (var (series, taken) in numbers)
        {
            var expected = Enumerable.Range(1, (int)(counters.GetValueOrDefault(series, 1) - 1)).Select(n => n.ToString("000000"));
            var got = taken.Select(n => n[^6..]).Order(StringComparer.Ordinal);
            if (!got.SequenceEqual(expected)) gaps.Add($"{series}: numbers {string.Join(", ", got)} against a counter of {counters.GetValueOrDefault(series)}");
        }
        return gaps;
    }

    private static async Task SeedMasterDataAsync(TestDatabase database)
    {
        await database.WithAsync<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("MAIN", "Main", 1), default));
        await database.WithAsync<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("EAST", "East", 2), default));
        await database.WithAsync<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest("CHAI", "Chai", "case", 0, 18.35m, "EUR", 0.07m, 10m), default));
        await database.WithAsync<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest("COFFEE", "Coffee", "kg", 3, 21.455m, "EUR", 0.19m, 5m), default));
        await database.WithAsync<CustomerUseCases>(c => c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", 10_000_000m, 30), default));
        var supplier = await database.WithAsync<SupplierUseCases, SupplierView>(s => s.RegisterAsync(new RegisterSupplierRequest("ACME", "Acme", "EUR"), default));
        foreach (var sku in Skus)
            await database.WithAsync<SupplierUseCases, SupplierOfferView>(s => s.DefineOfferAsync(supplier.Id, new DefineOfferRequest(sku, 5m, 7), default));
    }

    /// <summary>One random run: picks an operation and its arguments, runs it, and tolerates only business refusals.</summary>
    private sealed class Run(TestDatabase database, Random random)
    {
        public Dictionary<string, int> Succeeded { get; } = [];

        public async Task<string> NextAsync()
        {
            var (name, action) = random.Next(12) switch
            {
                10 => ("buy", (Func<Task<string>>)BuyAsync),
                11 => ("goods", ReceiveGoodsAsync),
                0 or 1 => ("receive", (Func<Task<string>>)ReceiveAsync),
                2 or 3 => ("order", PlaceAsync),
                4 => ("reserve", () => CommandOnRandomOrderAsync("reserve", new OrderCommandRequest())),
                5 => ("ship", ShipAsync),
                6 => ("cancel", () => CommandOnRandomOrderAsync("cancel", new OrderCommandRequest(Reason: "customer changed mind"))),
                7 => ("invoice", () => CommandOnRandomOrderAsync("invoice", new OrderCommandRequest())),
                _ => ("pay", PayAsync),
            };
            try
            {
                var what = await action();
                Succeeded[name] = Succeeded.GetValueOrDefault(name) + 1;
                return what;
            }
            catch (Exception e) when (e is BusinessRuleViolation or InvalidInput)
            {
                return $"{name} refused: {e.Message}";
            }
        }

        private async Task<string> ReceiveAsync()
        {
            var (warehouse, sku) = (Pick(Warehouses), Pick(Skus));
            var quantity = Quantity(sku, 1, 15);
            await database.WithAsync<StockUseCases>(s => s.ReceiveAsync(new ReceiveStockRequest(warehouse, sku, quantity), "prop", default));
            return $"receive {quantity} {sku} at {warehouse}";
        }

        private async Task<string> PlaceAsync()
        {
            var lines = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(Skus)).Distinct()
                .Select(sku => new OrderLineRequest(sku, Quantity(sku, 1, 12))).ToList();
            var order = await database.WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(new PlaceOrderRequest(lines, CustomerCode: "ALFKI",
                RequestedDate: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)), "prop", default));
            await ExecuteAsync(order.Id, "submit", new OrderCommandRequest());
            await ExecuteAsync(order.Id, "confirm", new OrderCommandRequest());
            return $"order {order.Number}: {string.Join(", ", lines.Select(l => $"{l.Quantity} {l.Sku}"))}";
        }

        private async Task<string> ShipAsync()
        {
            if (await RandomOrderAsync() is not { } order) return "ship: no order";
            var reserved = order.Lines.Where(l => l.ReservedQuantity > 0).ToList();
            var lines = reserved.Count == 0 || random.Next(3) == 0
                ? null
                : reserved.Select(l => new ShipLineRequest(l.LineNo, AboutHalf(l))).ToList();
            await ExecuteAsync(order.Id, "ship", new OrderCommandRequest(Lines: lines));
            return $"ship {order.Number} {(lines is null ? "all reserved" : string.Join(", ", lines.Select(l => $"line {l.LineNo}: {l.Quantity}")))}";
        }

        /// <summary>Half the reserved quantity, rounded down to the unit's precision (all of it when that is nothing).</summary>
        private static decimal AboutHalf(OrderLineView line)
        {
            var half = Math.Round(line.ReservedQuantity / 2m, line.Sku == "CHAI" ? 0 : 3, MidpointRounding.ToZero);
            return half > 0 ? half : line.ReservedQuantity;
        }

        private async Task<string> BuyAsync()
        {
            var (warehouse, sku) = (Pick(Warehouses), Pick(Skus));
            var quantity = Quantity(sku, 1, 20);
            var po = await database.WithAsync<PurchaseOrderUseCases, PurchaseOrderView>(p => p.DraftAsync(
                new DraftPurchaseOrderRequest(warehouse, [new PurchaseOrderLineRequest(sku, quantity)], SupplierCode: "ACME"), "prop", default));
            await database.WithAsync<PurchaseOrderCommands, PurchaseOrderView>(c => c.ExecuteAsync(po.Id, "send", new PurchaseOrderCommandRequest(), null, "prop", default));
            await database.WithAsync<PurchaseOrderCommands, PurchaseOrderView>(c => c.ExecuteAsync(po.Id, "confirm",
                new PurchaseOrderCommandRequest(PromisedDate: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(1, 20))), null, "prop", default));
            return $"buy {quantity} {sku} for {warehouse} ({po.Number})";
        }

        private async Task<string> ReceiveGoodsAsync()
        {
            var open = await database.WithAsync<PurchaseOrderUseCases, PurchaseOrderPage>(p => p.ListAsync(new PurchaseOrderQuery(PageSize: 200), default));
            var candidates = open.Items.Where(p => p.Status is "Confirmed" or "PartiallyReceived").ToList();
            if (candidates.Count == 0) return "goods: nothing on order";
            var po = await database.WithAsync<PurchaseOrderUseCases, PurchaseOrderView>(p => p.GetAsync(candidates[random.Next(candidates.Count)].Id, default));
            var line = po.Lines[0];
            // Mostly part of what is open, sometimes all, sometimes more than ordered (which must be refused).
            var quantity = random.Next(5) == 0 ? line.OpenQuantity + 1 : random.Next(2) == 0 ? line.OpenQuantity : AboutHalfOf(line.OpenQuantity, line.Sku);
            var outcome = await database.WithAsync<GoodsReceiptUseCases, ReceiptOutcome>(g => g.ReceiveAsync(po.Id, new ReceiveGoodsRequest(line.LineNo, quantity), null, "prop", default));
            return $"goods {quantity} {line.Sku} on {po.Number}: served {outcome.BackorderDecisions.Count} backorder(s)";
        }

        private static decimal AboutHalfOf(decimal quantity, string sku)
        {
            var half = Math.Round(quantity / 2m, sku == "CHAI" ? 0 : 3, MidpointRounding.ToZero);
            return half > 0 ? half : quantity;
        }

        private async Task<string> PayAsync()
        {
            var invoices = await database.WithAsync<OrderlyDbContext, List<(Guid Id, decimal Open)>>(async db =>
                (await db.Invoices.AsNoTracking().ToListAsync()).Where(i => !i.IsPaid).Select(i => (i.Id.Value, i.OpenAmount)).ToList());
            if (invoices.Count == 0) return "pay: nothing open";
            var (id, open) = invoices[random.Next(invoices.Count)];
            // Sometimes exactly the open amount, sometimes a part, sometimes too much (which must be refused).
            var amount = random.Next(4) == 0 ? open : Math.Max(0.01m, Math.Round(open * (decimal)(random.NextDouble() * 1.2), 2));
            await database.WithAsync<InvoiceUseCases, PaymentView>(b => b.RecordPaymentAsync(id, new RecordPaymentRequest(amount), "prop", default));
            return $"pay {amount} of {open}";
        }

        private async Task<string> CommandOnRandomOrderAsync(string command, OrderCommandRequest body)
        {
            if (await RandomOrderAsync() is not { } order) return $"{command}: no order";
            await ExecuteAsync(order.Id, command, body);
            return $"{command} {order.Number}";
        }

        private Task<OrderView> ExecuteAsync(Guid id, string command, OrderCommandRequest body) =>
            database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(id, command, body, null, "prop", default));

        private async Task<OrderView?> RandomOrderAsync()
        {
            var page = await database.WithAsync<OrderList, OrderPage>(o => o.ListAsync(new OrderListQuery(PageSize: 200), default));
            if (page.Items.Count == 0) return null;
            var id = page.Items[random.Next(page.Items.Count)].Id;
            return await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(id, default));
        }

        private decimal Quantity(string sku, int min, int max) =>
            sku == "CHAI" ? random.Next(min, max) : Math.Round(random.Next(min * 1000, max * 1000) / 1000m, 3);

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
