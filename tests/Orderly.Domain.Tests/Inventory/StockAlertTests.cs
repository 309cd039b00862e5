using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Domain.Tests.Inventory;

public class StockAlertTests
{
    private static readonly PurchaseOrderId Proposal = PurchaseOrderId.New();

    private static StockAlert LowStock() =>
        StockAlert.LowStock(OrderBuilder.MainWarehouse, "CHAI", "CHAI at MAIN is low.", Proposal, "system:replenishment", OrderBuilder.Now);

    [Fact]
    public void LowStock_IsRaisedOpen_WithItsDedupeKeyAndProposal()
    {
        var alert = LowStock();

        alert.ShouldSatisfyAllConditions(
            a => a.Kind.ShouldBe(AlertKind.LowStock),
            a => a.Status.ShouldBe(AlertStatus.Open),
            a => a.DedupeKey.ShouldBe(StockAlert.LowStockKey(OrderBuilder.MainWarehouse, "CHAI")),
            a => a.ProposalId.ShouldBe(Proposal),
            a => a.RaisedAt.ShouldBe(OrderBuilder.Now));
    }

    [Fact]
    public void DedupeKeys_AreTheSameForTheSameShortage_AndDifferPerWarehouseSkuAndOrder()
    {
        StockAlert.LowStockKey(OrderBuilder.MainWarehouse, "CHAI").ShouldBe(LowStock().DedupeKey);
        StockAlert.LowStockKey(OrderBuilder.SpareWarehouse, "CHAI").ShouldNotBe(LowStock().DedupeKey);
        StockAlert.LowStockKey(OrderBuilder.MainWarehouse, "COFFEE").ShouldNotBe(LowStock().DedupeKey);

        var order = PurchaseOrderId.New();
        var late = StockAlert.LatePurchaseOrder(order, OrderBuilder.MainWarehouse, "PO-1 is late.", null, "system:replenishment", OrderBuilder.Now);
        late.DedupeKey.ShouldBe(StockAlert.LateKey(order));
        late.DedupeKey.ShouldNotBe(StockAlert.LateKey(PurchaseOrderId.New()));
        late.Kind.ShouldBe(AlertKind.LatePurchaseOrder);
        late.PurchaseOrderId.ShouldBe(order);
    }

    [Fact]
    public void Acknowledge_RecordsWhoAndWhen()
    {
        var alert = LowStock();

        alert.Acknowledge("buyer", OrderBuilder.Now.AddHours(1));

        alert.ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(AlertStatus.Acknowledged),
            a => a.AcknowledgedBy.ShouldBe("buyer"),
            a => a.AcknowledgedAt.ShouldBe(OrderBuilder.Now.AddHours(1)));
    }

    [Fact]
    public void Acknowledge_Twice_IsRejected()
    {
        var alert = LowStock();
        alert.Acknowledge("buyer", OrderBuilder.Now);

        Should.Throw<BusinessRuleViolation>(() => alert.Acknowledge("buyer", OrderBuilder.Now)).Code.ShouldBe("alert.not_open");
    }

    [Fact]
    public void Acknowledge_AfterResolve_IsRejected()
    {
        var alert = LowStock();
        alert.Resolve("Ordered by phone.", "buyer", OrderBuilder.Now);

        Should.Throw<BusinessRuleViolation>(() => alert.Acknowledge("buyer", OrderBuilder.Now)).Code.ShouldBe("alert.not_open");
    }

    [Fact]
    public void Resolve_AnOpenOrAcknowledgedAlert_KeepsTheTrimmedResolution()
    {
        var open = LowStock();
        var acknowledged = LowStock();
        acknowledged.Acknowledge("buyer", OrderBuilder.Now);

        open.Resolve("  Ordered by phone. ", "buyer", OrderBuilder.Now.AddHours(2));
        acknowledged.Resolve("Sent the proposal.", "lead", OrderBuilder.Now.AddHours(3));

        open.ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(AlertStatus.Resolved),
            a => a.Resolution.ShouldBe("Ordered by phone."),
            a => a.ResolvedBy.ShouldBe("buyer"),
            a => a.ResolvedAt.ShouldBe(OrderBuilder.Now.AddHours(2)));
        acknowledged.Status.ShouldBe(AlertStatus.Resolved);
        acknowledged.AcknowledgedBy.ShouldBe("buyer");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_WithoutSayingHow_IsRejectedAndLeavesTheAlertOpen(string resolution)
    {
        var alert = LowStock();

        var error = Should.Throw<InvalidInput>(() => alert.Resolve(resolution, "buyer", OrderBuilder.Now));

        error.Code.ShouldBe("alert.resolution_required");
        error.FieldErrors.Keys.ShouldContain("resolution");
        alert.Status.ShouldBe(AlertStatus.Open);
    }

    [Fact]
    public void Resolve_Twice_IsRejectedAndKeepsTheFirstResolution()
    {
        var alert = LowStock();
        alert.Resolve("Ordered by phone.", "buyer", OrderBuilder.Now);

        Should.Throw<BusinessRuleViolation>(() => alert.Resolve("Again.", "lead", OrderBuilder.Now)).Code.ShouldBe("alert.already_resolved");

        alert.Resolution.ShouldBe("Ordered by phone.");
        alert.ResolvedBy.ShouldBe("buyer");
    }
}
