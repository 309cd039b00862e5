using Microsoft.EntityFrameworkCore;
using Orderly.Application.Catalog;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Procurement;
using Orderly.Application.Replenishment;

namespace Orderly.Application.Tests.Replenishment;

/// <summary>
/// A purchase order past its promised date, through the scan. The clock cannot be moved here, so the supplier's promise
/// is moved into the past with SQL after the order was confirmed.
/// </summary>
public sealed class LatePurchaseOrderTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private TestDatabase _database = null!;
    private readonly Dictionary<string, Guid> _suppliers = [];

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.WithAsync<WarehouseUseCases>(w => w.OpenAsync(new OpenWarehouseRequest("MAIN", "Main", 1), default));
        await _database.WithAsync<ProductUseCases>(p => p.DefineAsync(new DefineProductRequest("CHAI", "Chai", "case", 0, 18m, "EUR", 0.07m, 10m), default));
        await SupplierAsync("SLOW", leadTimeDays: 10, rank: 1);
        await SupplierAsync("FAST", leadTimeDays: 3, rank: 3);
        await SupplierAsync("STEADY", leadTimeDays: 5, rank: 2);
        await SupplierAsync("FASTEST", leadTimeDays: 1, rank: 4);
        await _database.WithAsync<SupplierUseCases>(s => s.MarkUnavailableAsync(_suppliers["FASTEST"], "Factory closed for inventory", default));
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Scan_RaisesOneLateAlert_AndProposesTheOpenQuantityFromTheFastestOtherAvailableSupplier()
    {
        var late = await LatePurchaseOrderAsync(ordered: 40m, received: 15m, daysLate: 3);

        var report = await ScanAsync();

        var alert = report.Raised.ShouldHaveSingleItem();
        alert.ShouldSatisfyAllConditions(
            a => a.Kind.ShouldBe("LatePurchaseOrder"),
            a => a.Status.ShouldBe("Open"),
            a => a.PurchaseOrderId.ShouldBe(late.Id),
            a => a.PurchaseOrderNumber.ShouldBe(late.Number),
            a => a.WarehouseCode.ShouldBe("MAIN"),
            a => a.Message.ShouldContain($"{late.Number} from SLOW is 3 day(s) late"),
            a => a.Message.ShouldContain("25 CHAI"));
        var proposal = report.Proposals.ShouldHaveSingleItem();
        proposal.ShouldSatisfyAllConditions(
            p => p.PurchaseOrderId.ShouldBe(alert.ProposalId!.Value),
            p => p.SupplierCode.ShouldBe("FAST"),
            p => p.Sku.ShouldBe("CHAI"),
            p => p.Quantity.ShouldBe(25m),
            p => p.WarehouseCode.ShouldBe("MAIN"),
            p => p.ExpectedDate.ShouldBe(Today.AddDays(3)),
            p => p.Origin.ShouldContain($"Re-sources {late.Number} line 1"),
            p => p.Origin.ShouldContain("3 day(s) late"),
            p => p.Origin.ShouldContain($"expected {Today.AddDays(3):yyyy-MM-dd}"));

        var drafted = await _database.WithAsync<PurchaseOrderUseCases, PurchaseOrderView>(uc => uc.GetAsync(proposal.PurchaseOrderId, default));
        drafted.Status.ShouldBe("Draft");
        drafted.SupplierCode.ShouldBe("FAST");
        drafted.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(25m);
    }

    [Fact]
    public async Task Scan_Twice_RaisesAndProposesNothingNew()
    {
        await LatePurchaseOrderAsync(ordered: 40m, received: 0m, daysLate: 1);
        await ScanAsync();

        var second = await ScanAsync();

        second.Raised.ShouldBeEmpty();
        second.Proposals.ShouldBeEmpty();
        second.Resolved.ShouldBeEmpty();
        (await CountAsync(db => db.StockAlerts.CountAsync())).ShouldBe(1);
        (await CountAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task A_new_date_promised_by_the_supplier_resolves_the_late_alert_with_the_confirm()
    {
        var late = await LatePurchaseOrderAsync(ordered: 40m, received: 10m, daysLate: 2);
        var alert = (await ScanAsync()).Raised.ShouldHaveSingleItem();

        await _database.WithAsync<PurchaseOrderCommands>(c => c.ExecuteAsync(late.Id, "confirm",
            new PurchaseOrderCommandRequest(PromisedDate: Today.AddDays(4)), null, "buyer", default));

        var resolved = await _database.WithAsync<AlertUseCases, AlertView>(a => a.GetAsync(alert.Id, default));
        resolved.Resolution.ShouldBe($"{late.Number} is no longer late: delivery is now promised for {Today.AddDays(4):yyyy-MM-dd}.");
        resolved.ResolvedBy.ShouldBe(AlertResolution.Actor);
        var report = await ScanAsync();
        (report.Raised.Count, report.Resolved.Count).ShouldBe((0, 0), report.Summary);
    }

    [Fact]
    public async Task Scan_ResolvesALateAlertWhoseOrderStoppedBeingLateWithoutAnEvent()
    {
        var late = await LatePurchaseOrderAsync(ordered: 40m, received: 10m, daysLate: 2);
        var alert = (await ScanAsync()).Raised.ShouldHaveSingleItem();
        var promised = Today.AddDays(4); // a DateOnly: each provider writes its own date form
        await CountAsync(db => db.Database.ExecuteSqlAsync($"UPDATE purchase_orders SET promised_date = {promised} WHERE number = {late.Number}"));

        var report = await ScanAsync();

        var resolved = report.Resolved.ShouldHaveSingleItem();
        resolved.Id.ShouldBe(alert.Id);
        resolved.ResolvedBy.ShouldBe("system:test");
    }

    [Fact]
    public async Task Scan_AfterAPersonResolvedAStillLateOrder_RaisesItAgainWithoutBuyingTwice()
    {
        var late = await LatePurchaseOrderAsync(ordered: 40m, received: 0m, daysLate: 2);
        var first = (await ScanAsync()).Raised.ShouldHaveSingleItem();
        await _database.WithAsync<AlertUseCases, AlertView>(uc => uc.ResolveAsync(first.Id, new ResolveAlertRequest("Called SLOW; they say Friday."), "buyer", default));

        var report = await ScanAsync();

        var again = report.Raised.ShouldHaveSingleItem();
        again.PurchaseOrderId.ShouldBe(late.Id);
        again.ProposalId.ShouldBeNull();
        again.Message.ShouldContain($"re-sourcing was already proposed in {first.ProposalNumber}");
        report.Proposals.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scan_WhenNoOtherSupplierIsAvailable_RaisesTheAlertWithoutAProposalAndSaysSo()
    {
        var late = await LatePurchaseOrderAsync(ordered: 40m, received: 0m, daysLate: 5);
        foreach (var code in new[] { "FAST", "STEADY" })
            await _database.WithAsync<SupplierUseCases>(s => s.MarkUnavailableAsync(_suppliers[code], "On strike", default));

        var report = await ScanAsync();

        var alert = report.Raised.ShouldHaveSingleItem();
        alert.ProposalId.ShouldBeNull();
        alert.Message.ShouldContain($"{late.Number} from SLOW is 5 day(s) late");
        alert.Message.ShouldContain("no other available supplier offers CHAI");
        report.Proposals.ShouldBeEmpty();
    }

    private async Task SupplierAsync(string code, int leadTimeDays, int rank)
    {
        var supplier = await _database.WithAsync<SupplierUseCases, SupplierView>(s => s.RegisterAsync(new RegisterSupplierRequest(code, code, "EUR"), default));
        await _database.WithAsync<SupplierUseCases, SupplierOfferView>(s =>
            s.DefineOfferAsync(supplier.Id, new DefineOfferRequest("CHAI", 10m + rank, leadTimeDays, 0m, rank), default));
        _suppliers[code] = supplier.Id;
    }

    /// <summary>A purchase order from SLOW, sent, confirmed, partly received, and then made late by moving its promise back.</summary>
    private async Task<PurchaseOrderView> LatePurchaseOrderAsync(decimal ordered, decimal received, int daysLate)
    {
        var order = await _database.WithAsync<PurchaseOrderUseCases, PurchaseOrderView>(uc => uc.DraftAsync(
            new DraftPurchaseOrderRequest("MAIN", [new PurchaseOrderLineRequest("CHAI", ordered)], SupplierCode: "SLOW"), "buyer", default));
        await CommandAsync(order.Id, "send", new PurchaseOrderCommandRequest());
        await CommandAsync(order.Id, "confirm", new PurchaseOrderCommandRequest(PromisedDate: Today.AddDays(10)));
        if (received > 0)
            await _database.WithAsync<GoodsReceiptUseCases, ReceiptOutcome>(uc =>
                uc.ReceiveAsync(order.Id, new ReceiveGoodsRequest(1, received, "DN-1"), null, "clerk", default));
        var promised = Today.AddDays(-daysLate);
        var updated = await CountAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE purchase_orders SET promised_date = {promised}, expected_date = {promised} WHERE number = {order.Number}"));
        updated.ShouldBe(1);
        return order;
    }

    private Task<PurchaseOrderView> CommandAsync(Guid id, string command, PurchaseOrderCommandRequest body) =>
        _database.WithAsync<PurchaseOrderCommands, PurchaseOrderView>(c => c.ExecuteAsync(id, command, body, null, "buyer", default));

    private Task<ScanReport> ScanAsync() => _database.WithAsync<ReplenishmentScan, ScanReport>(scan => scan.RunAsync("system:test", default));

    private Task<int> CountAsync(Func<OrderlyDbContext, Task<int>> query) => _database.WithAsync(query);
}
