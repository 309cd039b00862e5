using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Catalog;
using Orderly.Application.Customers;
using Orderly.Application.Events;
using Orderly.Application.Webhooks;
using Orderly.Application.Idempotency;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Procurement;
using Orderly.Application.Replenishment;
using Orderly.Application.Sales;

namespace Orderly.Application.Tests.Persistence;

/// <summary>
/// Every hot query reads through an index. Each row runs a use case on a migrated database, captures the SELECTs EF
/// Core sent (<see cref="QueryRecorder"/>), and fails on a full scan or a correlated subquery over a book table
/// (<see cref="QueryPlan.Problems"/>), printing the SQL and its plan. To cover a new query, add one row to
/// <see cref="HotQueries"/>: a name, the use case call, and whether the first query must be ordered by an index.
/// Runs on both providers (tools/test): SQLite's <c>EXPLAIN QUERY PLAN</c>, PostgreSQL's <c>EXPLAIN</c> (<see cref="PostgresQueryPlan"/>).
/// </summary>
public sealed class QueryPlanTests(QueryPlanTests.Book book) : IClassFixture<QueryPlanTests.Book>
{
    /// <param name="Run">the use case call whose SELECTs are checked</param>
    /// <param name="OrderedByIndex">the first SELECT must not sort its matches (a list page)</param>
    /// <param name="ReadsFirst">the table the first SELECT must start from, when the order of the join matters</param>
    public sealed record HotQuery(Func<Book, Task> Run, bool OrderedByIndex = false, string? ReadsFirst = null);

    private static readonly Dictionary<string, HotQuery> HotQueries = new()
    {
        ["order list by status, newest first"] = new(b => b.ListAsync(new OrderListQuery(Status: "Confirmed", PageSize: 2)), OrderedByIndex: true),
        ["order list by status, a cursor page"] = new(async b => await b.ListAsync(new OrderListQuery(Status: "Confirmed", PageSize: 1,
            Cursor: await b.NextCursorAsync(new OrderListQuery(Status: "Confirmed", PageSize: 1)))), OrderedByIndex: true),
        ["order list, whole book, a cursor page"] = new(async b => await b.ListAsync(new OrderListQuery(PageSize: 1,
            Cursor: await b.NextCursorAsync(new OrderListQuery(PageSize: 1)))), OrderedByIndex: true),
        ["order list by customer"] = new(b => b.ListAsync(new OrderListQuery(CustomerId: b.Customer)), OrderedByIndex: true),
        ["order list by customer and status"] = new(b => b.ListAsync(new OrderListQuery(Status: "Confirmed", CustomerId: b.Customer)), OrderedByIndex: true),
        ["order list by date range"] = new(b => b.ListAsync(new OrderListQuery(From: b.Today, To: b.Today)), OrderedByIndex: true),
        ["order list by status and date range"] = new(b => b.ListAsync(new OrderListQuery(Status: "Confirmed", From: b.Today, To: b.Today)), OrderedByIndex: true),
        ["order list by SKU, newest first (its lines' copy of the sort key)"] = new(b => b.ListAsync(new OrderListQuery(Sku: "CHAI", PageSize: 2)), OrderedByIndex: true),
        ["order list by SKU, oldest first, a cursor page"] = new(async b => await b.ListAsync(new OrderListQuery(Sku: "CHAI", PageSize: 1, Sort: "oldest",
            Cursor: await b.NextCursorAsync(new OrderListQuery(Sku: "CHAI", PageSize: 1, Sort: "oldest")))), OrderedByIndex: true),
        ["order list by SKU and status (a bounded read of the SKU's lines, then their orders by number)"] = new(b =>
            b.ListAsync(new OrderListQuery(Sku: "CHAI", Status: "Confirmed")), OrderedByIndex: true),
        ["order list total by status"] = new(b => b.ListAsync(new OrderListQuery(Status: "Confirmed", IncludeTotal: true))),
        ["order by id"] = new(b => b.With<OrderUseCases>(o => o.GetAsync(b.Order, default))),
        ["stock of a SKU in all warehouses"] = new(b => b.With<StockUseCases>(s => s.QueryAsync("CHAI", null, default))),
        ["unit decimals of the SKUs a view writes quantities of"] = new(b => b.With<OrderlyDbContext>(db => db.UnitDecimalsAsync(["CHAI", "COFFEE"], default))),
        ["backorder queue of a SKU"] = new(b => b.With<Backorders>(q => q.ListAsync("CHAI", null, null, default)), OrderedByIndex: true),
        ["backorder queue of every SKU"] = new(b => b.With<Backorders>(q => q.ListAsync(null, null, null, default)), OrderedByIndex: true),
        ["purchase orders with a line of a SKU"] = new(b => b.With<PurchaseOrderUseCases>(p => p.ListAsync(new PurchaseOrderQuery(Sku: "CHAI"), default))),
        ["open purchase orders with a line of a SKU"] = new(b => b.With<PurchaseOrderUseCases>(p =>
            p.ListAsync(new PurchaseOrderQuery(Sku: "CHAI", Status: "Confirmed"), default))),
        ["placing an order (its lines' promise from stock, supply, offers and open demand)"] = new(b => b.With<OrderUseCases>(o =>
            o.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 2m)], CustomerCode: "ALFKI"), "plan", default))),
        ["approving a held order (the review again: its promise, the customer's credit position)"] = new(b => b.With<OrderCommands>(c =>
            c.ExecuteAsync(b.Held, "approve", new OrderCommandRequest(Reason: "plan"), null, "plan", default))),
        ["an idempotency key of its caller"] = new(b => b.With<IdempotentRequests>(r => r.RunAsync(
            new IdempotentRequest("plan", "key-1", "POST /api/orders/", "/api/orders", "{}"),
            () => Task.FromResult(new StoredResponse(201, "{}", null, null, false)), default))),
        ["the oldest expired idempotency keys (purge)"] = new(b => b.With<IdempotencyKeyPurge>(p => p.PurgeExpiredAsync(1, default)),
            OrderedByIndex: true),
        ["re-promising a queued SKU (open lines, stock, supply, links, open demand)"] = new(async b =>
        {
            await b.With<PromiseQueue>(q => q.AddAsync(["CHAI"], default));
            await b.With<PromiseRefresher>(r => r.RefreshDueAsync(1, default));
        }, ReadsFirst: "promise_refresh_queue"),
        ["resolving the alerts a move of a SKU ended (its open alerts, then its positions from its lines)"] = new(b =>
            b.With<AlertResolution>(a => a.MovedAsync(["CHAI"], default))),
        ["document flow of an order (waiting and served purchase order lines, receipts)"] = new(b =>
            b.With<DocumentFlow>(f => f.OfOrderAsync(b.ServedOrder, default))),
        ["orders per status (a metrics scrape: the kept counts, not the book)"] = new(b =>
            b.With<OrderlyDbContext>(db => Task.FromResult(OrdersByStatus.Read(db)))),
        ["counting one status from the book (once, for a status without its kept row)"] = new(b =>
            b.With<OrderlyDbContext>(db => OrdersByStatus.CountAsync(db, Domain.Sales.OrderStatus.Confirmed, default))),
        ["the re-promise queue's length (a metrics scrape)"] = new(b => b.With<OrderlyDbContext>(db => Task.FromResult(db.PromiseRefreshQueue.LongCount()))),
        ["one purchase order (with the backorders waiting for it and served by it)"] = new(b =>
            b.With<PurchaseOrderStore>(s => s.ViewAsync(b.PurchaseOrder, default))),
        ["business event stream, a page after a cursor"] = new(b => b.With<EventStream>(s => s.ReadAsync("1", 10, default)), OrderedByIndex: true),
        ["webhook dispatch: the subscriptions with the newest event id, new events fanned out, what is due, attempts recorded with the next of an aggregate moving up"] = new(async b =>
        {
            await b.With<WebhookUseCases>(w => w.CreateAsync(new CreateWebhookRequest("https://erp.example.com/hooks"), "plan", default));
            await b.With<OrderUseCases>(o => o.PlaceAsync(new PlaceOrderRequest([new OrderLineRequest("CHAI", 1m)], CustomerCode: "ALFKI"), "plan", default));
            var round = await b.With<WebhookDispatch, DispatchRound>(d => d.RoundAsync(default));
            await b.With<WebhookDispatch>(d => d.FanOutAsync(round, default));
            var due = await b.With<WebhookDispatch, IReadOnlyList<DueDelivery>>(d => d.DueAsync(round, default));
            await b.With<WebhookDispatch>(d => d.RecordAsync(due.Select(x => new AttemptOutcome(x.DeliveryId, DateTimeOffset.UtcNow, 200, "", 1)).ToList(), default));
        }),
        ["a webhook's deliveries, newest first, and one with its attempts"] = new(async b =>
        {
            var hook = await b.With<WebhookUseCases, WebhookView>(w => w.CreateAsync(new CreateWebhookRequest("https://erp.example.com/list"), "plan", default));
            await b.With<WebhookDeliveries>(d => d.ListAsync(hook.Id, "1000", 10, default));
            await Should.ThrowAsync<Domain.Common.NotFound>(() => b.With<WebhookDeliveries>(d => d.GetAsync(hook.Id, 1, default)));
        }),
    };

    public static TheoryData<string> Names() => new(HotQueries.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hot_query_reads_through_indexes_without_correlated_subqueries(string name)
    {
        var hot = HotQueries[name];
        var plans = await book.PlansOfAsync(hot.Run);

        plans.ShouldNotBeEmpty($"'{name}' ran no SELECT");
        foreach (var plan in plans) TestContext.Current.TestOutputHelper?.WriteLine($"{plan.Query.Sql}\n{plan}");
        var problems = plans.SelectMany((plan, i) => plan.Problems(hot.OrderedByIndex && i == 0)
            .Select(p => $"{p}\n  in: {plan.Query.Sql}\n  plan:\n{plan}")).ToList();
        if (hot.ReadsFirst is { } table && plans[0].FirstTableRead() != table)
            problems.Add($"starts from {plans[0].FirstTableRead()}, not {table}\n  in: {plans[0].Query.Sql}\n  plan:\n{plans[0]}");
        problems.ShouldBeEmpty($"'{name}':\n{string.Join("\n", problems)}");
    }

    [Fact]
    public async Task The_check_sees_a_full_scan_a_correlated_subquery_and_a_sort_of_every_match()
    {
        var scan = await book.ExplainAsync("SELECT * FROM \"sales_orders\" AS \"s\" WHERE \"s\".\"note\" = 'x'");
        var correlated = await book.ExplainAsync("SELECT \"s\".\"id\", (SELECT count(*) FROM \"order_lines\" AS \"o\" WHERE \"o\".\"order_id\" = \"s\".\"id\" " +
            "AND \"o\".\"quantity\" = '1') FROM \"sales_orders\" AS \"s\" WHERE \"s\".\"number\" > 'SO'");
        var sorted = await book.ExplainAsync("SELECT * FROM \"sales_orders\" AS \"s\" WHERE \"s\".\"number\" > 'SO' ORDER BY \"s\".\"note\" LIMIT 5");

        scan.Problems(false).ShouldHaveSingleItem().ShouldStartWith("full scan of sales_orders", Case.Sensitive, scan.ToString());
        correlated.Problems(false).ShouldHaveSingleItem().ShouldStartWith("correlated subquery over order_lines", Case.Sensitive, correlated.ToString());
        sorted.Problems(false).ShouldBeEmpty();
        sorted.Problems(true).ShouldHaveSingleItem().ShouldStartWith("sorts every match", Case.Sensitive, sorted.ToString());
    }

    /// <summary>
    /// A small book on a migrated database: two customers, stock of CHAI for one order, three confirmed orders of
    /// CHAI (one reserved, two backordered), a draft, an order on hold, and a confirmed purchase order of CHAI. Plans do not depend on
    /// row counts here (no ANALYZE statistics, as in production); the rows make every query of a use case run.
    /// </summary>
    public sealed class Book : IAsyncLifetime
    {
        private readonly QueryRecorder _recorder = new();
        private TestDatabase _database = null!;

        public Guid Customer { get; private set; }
        public Guid Order { get; private set; }
        /// <summary>An order on hold (no requested date), for the approval's row; only that row may approve it.</summary>
        public Guid Held { get; private set; }
        public Guid PurchaseOrder { get; private set; }
        /// <summary>The backordered order the receipt served (its flow has a waiting and a served purchase order line).</summary>
        public Guid ServedOrder { get; private set; }
        public string Today { get; } = DateTime.UtcNow.ToString("yyyy-MM-dd");

        public async ValueTask InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync(services: s => s.ConfigureDbContext<OrderlyDbContext>(o => o.AddInterceptors(_recorder)));
            await With<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("MAIN", "Main", 1), default));
            await With<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("EAST", "East", 2), default));
            await With<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest("CHAI", "Chai", "case", 0, 18m, "EUR", 0.07m, 10m), default));
            await _database.WithAsync<StockUseCases, StockView>(s => s.ReceiveAsync(new ReceiveStockRequest("MAIN", "CHAI", 4m), "seed", default));
            var alfki = await _database.WithAsync<CustomerUseCases, CustomerView>(c => c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", 1_000_000m, 30), default));
            await With<CustomerUseCases>(c => c.RegisterAsync(new RegisterCustomerRequest("BONAP", "Bon app'", "EUR", 1_000_000m, 30), default));
            Customer = alfki.Id;
            foreach (var (customer, confirm) in new[] { ("ALFKI", true), ("BONAP", true), ("ALFKI", true), ("BONAP", false) })
            {
                var order = await _database.WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(
                    new PlaceOrderRequest([new OrderLineRequest("CHAI", 4m)], CustomerCode: customer), "seed", default));
                if (Order == default) Order = order.Id;
                if (!confirm) continue;
                var submitted = await RunAsync(order.Id, "submit");
                if (submitted.Status == "OnHold") await RunAsync(order.Id, "approve"); // backordered lines are held for delivery
                await RunAsync(order.Id, "confirm");
                await RunAsync(order.Id, "reserve");
            }
            var held = await _database.WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(
                new PlaceOrderRequest([new OrderLineRequest("CHAI", 1m)], CustomerCode: "BONAP"), "seed", default));
            Held = held.Id;
            await RunAsync(Held, "submit");
            var supplier = await _database.WithAsync<SupplierUseCases, SupplierView>(s => s.RegisterAsync(new RegisterSupplierRequest("ACME", "Acme", "EUR"), default));
            await _database.WithAsync<SupplierUseCases, SupplierOfferView>(s => s.DefineOfferAsync(supplier.Id, new DefineOfferRequest("CHAI", 5m, 7), default));
            var po = await _database.WithAsync<PurchaseOrderUseCases, PurchaseOrderView>(p => p.DraftAsync(
                new DraftPurchaseOrderRequest("MAIN", [new PurchaseOrderLineRequest("CHAI", 8m)], SupplierCode: "ACME"), "seed", default));
            await _database.WithAsync<PurchaseOrderCommands, PurchaseOrderView>(c => c.ExecuteAsync(po.Id, "send", new PurchaseOrderCommandRequest(), null, "seed", default));
            await _database.WithAsync<PurchaseOrderCommands, PurchaseOrderView>(c => c.ExecuteAsync(po.Id, "confirm",
                new PurchaseOrderCommandRequest(PromisedDate: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5)), null, "seed", default));
            PurchaseOrder = po.Id;
            // A receipt serving a backorder (served_backorders) and an open low-stock alert of CHAI, for the rows that read them.
            var receipt = await _database.WithAsync<GoodsReceiptUseCases, ReceiptOutcome>(g =>
                g.ReceiveAsync(po.Id, new ReceiveGoodsRequest(1, 2m, "DN-1"), null, "seed", default));
            ServedOrder = receipt.BackorderDecisions[0].OrderId;
            await _database.WithAsync<PromiseRefresher>(r => r.DrainAsync(default));
            // The served order is Fulfilling now: one more confirmed order keeps two pages of Confirmed for the cursor rows.
            var another = await _database.WithAsync<OrderUseCases, OrderView>(o => o.PlaceAsync(
                new PlaceOrderRequest([new OrderLineRequest("CHAI", 4m)], CustomerCode: "ALFKI"), "seed", default));
            if ((await RunAsync(another.Id, "submit")).Status == "OnHold") await RunAsync(another.Id, "approve");
            await RunAsync(another.Id, "confirm");
            await _database.WithAsync<ReorderPolicyUseCases, ReorderPolicyView>(p => p.SetAsync(
                new SetReorderPolicyRequest("MAIN", "CHAI", 100m, 10m, 50m), default));
            await _database.WithAsync<ReplenishmentScan, ScanReport>(s => s.RunAsync("seed", default));
        }

        private Task<OrderView> RunAsync(Guid order, string command) =>
            _database.WithAsync<OrderCommands, OrderView>(c => c.ExecuteAsync(order, command, new OrderCommandRequest(Reason: "seed"), null, "seed", default));

        /// <summary>The plans of every SELECT that <paramref name="run"/> sends, in order.</summary>
        public async Task<IReadOnlyList<QueryPlan>> PlansOfAsync(Func<Book, Task> run)
        {
            _recorder.Clear();
            _recorder.Recording = true;
            try
            {
                await run(this);
            }
            finally
            {
                _recorder.Recording = false;
            }
            var plans = new List<QueryPlan>();
            foreach (var query in _recorder.Queries.ToList())
                plans.Add(await _database.WithAsync<OrderlyDbContext, QueryPlan>(db => QueryPlan.ExplainAsync(db, query)));
            return plans;
        }

        public Task<QueryPlan> ExplainAsync(string sql) =>
            _database.WithAsync<OrderlyDbContext, QueryPlan>(db => QueryPlan.ExplainAsync(db, new CapturedQuery(sql, [])));

        public Task ListAsync(OrderListQuery query) => With<OrderList>(l => l.ListAsync(query, default));

        /// <summary>The cursor after the first page, read without recording, so that a row can explain the page after it.</summary>
        public async Task<string> NextCursorAsync(OrderListQuery query)
        {
            var recording = _recorder.Recording;
            _recorder.Recording = false;
            try
            {
                var page = await _database.WithAsync<OrderList, OrderPage>(l => l.ListAsync(query, default));
                return page.NextCursor ?? throw new InvalidOperationException("The seeded book has a single page; add orders.");
            }
            finally
            {
                _recorder.Recording = recording;
            }
        }

        public Task With<TService>(Func<TService, Task> work) where TService : notnull => _database.WithAsync(work);

        public Task<TResult> With<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull => _database.WithAsync(work);

        public async ValueTask DisposeAsync() => await _database.DisposeAsync();
    }
}
