using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Domain.Tests.Inventory;

public class ReorderPolicyTests
{
    private static ReorderPolicy Define(decimal reorderPoint = 10m, decimal safetyStock = 4m, decimal? reorderQuantity = 25m,
        decimal? maxStock = null) =>
        ReorderPolicy.Define(OrderBuilder.MainWarehouse, "CHAI", reorderPoint, safetyStock, reorderQuantity, maxStock, OrderBuilder.Now);

    [Fact]
    public void Define_KeepsTheTerms()
    {
        var policy = Define();

        policy.ShouldSatisfyAllConditions(
            p => p.WarehouseId.ShouldBe(OrderBuilder.MainWarehouse),
            p => p.Sku.ShouldBe("CHAI"),
            p => p.ReorderPoint.ShouldBe(10m),
            p => p.SafetyStock.ShouldBe(4m),
            p => p.ReorderQuantity.ShouldBe(25m),
            p => p.MaxStock.ShouldBeNull(),
            p => p.UpdatedAt.ShouldBe(OrderBuilder.Now));
    }

    public static TheoryData<string, Func<ReorderPolicy>> InvalidPolicies() => new()
    {
        { "reorderPoint", () => Define(reorderPoint: -1m, safetyStock: 0m) },
        { "safetyStock", () => Define(safetyStock: -1m) },
        { "safetyStock", () => Define(reorderPoint: 5m, safetyStock: 6m) },
        { "reorderQuantity", () => Define(reorderQuantity: null, maxStock: null) },
        { "reorderQuantity", () => Define(reorderQuantity: 25m, maxStock: 40m) },
        { "reorderQuantity", () => Define(reorderQuantity: 0m) },
        { "maxStock", () => Define(reorderQuantity: null, maxStock: 10m) },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void Define_WithInvalidTerms_IsRejectedNamingTheField(string field, Func<ReorderPolicy> define)
    {
        var error = Should.Throw<InvalidInput>(define);

        error.Code.ShouldBe("reorder_policy.invalid");
        error.FieldErrors.Keys.ShouldContain(field);
    }

    [Fact]
    public void Change_WithInvalidTerms_KeepsThePolicyAsItWas()
    {
        var policy = Define();

        Should.Throw<InvalidInput>(() => policy.Change(10m, 4m, null, null, OrderBuilder.Now.AddDays(1)));

        policy.ReorderQuantity.ShouldBe(25m);
        policy.UpdatedAt.ShouldBe(OrderBuilder.Now);
    }

    [Fact]
    public void Change_SwitchesToMinMax()
    {
        var policy = Define();

        policy.Change(10m, 4m, null, 60m, OrderBuilder.Now.AddDays(1));

        policy.ShouldSatisfyAllConditions(
            p => p.ReorderQuantity.ShouldBeNull(),
            p => p.MaxStock.ShouldBe(60m),
            p => p.UpdatedAt.ShouldBe(OrderBuilder.Now.AddDays(1)));
    }

    [Theory]
    [InlineData(11, 0)] // above the reorder point: nothing to buy
    [InlineData(10, 25)] // at the reorder point: the reorder quantity
    [InlineData(3, 25)] // below, but the reorder quantity brings it back above the point
    [InlineData(-30, 40)] // deep below (backorders): at least enough to reach the reorder point
    public void Shortfall_WithReorderQuantity_IsTheQuantityOrWhatReachesTheReorderPoint(decimal position, decimal expected)
    {
        Define(reorderPoint: 10m, reorderQuantity: 25m).ShortfallQuantity(position).ShouldBe(expected);
    }

    [Theory]
    [InlineData(10.5, 0)]
    [InlineData(10, 50)]
    [InlineData(0, 60)]
    [InlineData(-5, 65)]
    public void Shortfall_WithMinMax_FillsUpToTheMaximum(decimal position, decimal expected)
    {
        Define(reorderPoint: 10m, reorderQuantity: null, maxStock: 60m).ShortfallQuantity(position).ShouldBe(expected);
    }
}
