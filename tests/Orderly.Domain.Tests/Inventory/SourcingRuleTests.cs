using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Domain.Tests.Inventory;

public class SourcingRuleTests
{
    private static readonly WarehouseId Main = WarehouseId.New(), East = WarehouseId.New(), West = WarehouseId.New();

    private static SourcingCandidate Stock(WarehouseId id, string code, int priority, decimal available) => new(id, code, priority, available);

    [Fact]
    public void The_only_warehouse_that_can_fill_the_whole_line_gets_it_even_with_a_worse_priority()
    {
        var plan = SourcingRule.Plan(10, [Stock(Main, "MAIN", 1, 6), Stock(East, "EAST", 2, 12)], preferred: null, SourcingStrategy.FillMost);

        plan.Select(s => (s.Code, s.Quantity)).ShouldBe([("EAST", 10m)]);
        plan[0].Reason.ShouldContain("the only warehouse that can fill the whole line");
        plan[0].Reason.ShouldContain("MAIN 6");
    }

    [Fact]
    public void Among_warehouses_that_can_fill_the_line_the_customers_preferred_wins_then_the_lowest_priority_number()
    {
        Warehouse[] all = [new(Main, "MAIN", 1, 20), new(East, "EAST", 2, 20), new(West, "WEST", 3, 20)];

        var preferred = SourcingRule.Plan(5, all.Select(w => w.Candidate).ToList(), preferred: West, SourcingStrategy.FillMost).Single();
        var byPriority = SourcingRule.Plan(5, all.Select(w => w.Candidate).ToList(), preferred: null, SourcingStrategy.FillMost).Single();

        preferred.Code.ShouldBe("WEST");
        preferred.Reason.ShouldContain("preferred");
        byPriority.Code.ShouldBe("MAIN");
        byPriority.Reason.ShouldContain("lowest priority number (1)");
    }

    [Fact]
    public void A_line_is_split_only_when_no_single_warehouse_can_fill_it_taking_the_biggest_first()
    {
        var plan = SourcingRule.Plan(10, [Stock(Main, "MAIN", 1, 3), Stock(East, "EAST", 2, 6), Stock(West, "WEST", 3, 4)], null, SourcingStrategy.FillMost);

        plan.Select(s => (s.Code, s.Quantity)).ShouldBe([("EAST", 6m), ("WEST", 4m)]);
        plan.ShouldAllBe(s => s.Reason.Contains("split"));
    }

    [Fact]
    public void The_priority_strategy_takes_warehouses_strictly_by_priority_number()
    {
        var plan = SourcingRule.Plan(10, [Stock(East, "EAST", 2, 12), Stock(Main, "MAIN", 1, 6)], null, SourcingStrategy.Priority);

        plan.Select(s => (s.Code, s.Quantity)).ShouldBe([("MAIN", 6m), ("EAST", 4m)]);
        plan[0].Reason.ShouldContain("lowest priority number");
    }

    [Fact]
    public void Nothing_is_planned_from_warehouses_without_stock_and_a_shortage_plans_what_there_is()
    {
        var plan = SourcingRule.Plan(10, [Stock(Main, "MAIN", 1, 0), Stock(East, "EAST", 2, 4)], null, SourcingStrategy.FillMost);

        plan.Select(s => (s.Code, s.Quantity)).ShouldBe([("EAST", 4m)]);
        SourcingRule.Plan(10, [], null, SourcingStrategy.FillMost).ShouldBeEmpty();
    }

    [Fact]
    public void A_plan_never_takes_more_than_is_needed_or_available()
    {
        var random = new Random(20261123);
        for (var run = 0; run < 500; run++)
        {
            var candidates = Enumerable.Range(0, random.Next(0, 5))
                .Select(i => Stock(WarehouseId.New(), $"W{i}", random.Next(1, 4), random.Next(0, 15))).ToList();
            var needed = random.Next(1, 30);
            var strategy = random.Next(2) == 0 ? SourcingStrategy.FillMost : SourcingStrategy.Priority;

            var plan = SourcingRule.Plan(needed, candidates, candidates.FirstOrDefault()?.WarehouseId, strategy);

            plan.Sum(s => s.Quantity).ShouldBe(Math.Min(needed, candidates.Sum(c => c.Available)), $"run {run}");
            plan.ShouldAllBe(s => s.Quantity > 0 && s.Quantity <= candidates.Single(c => c.WarehouseId == s.WarehouseId).Available);
            plan.Select(s => s.WarehouseId).Distinct().Count().ShouldBe(plan.Count);
            if (strategy == SourcingStrategy.FillMost && candidates.Any(c => c.Available >= needed)) plan.Count.ShouldBe(1, $"run {run}");
        }
    }

    private sealed record Warehouse(WarehouseId Id, string Code, int Priority, decimal Available)
    {
        public SourcingCandidate Candidate => new(Id, Code, Priority, Available);
    }
}
