using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

public class OrderLifecycleTests
{
    public static TheoryData<OrderStatus, OrderCommand> EveryStatusAndCommand()
    {
        var data = new TheoryData<OrderStatus, OrderCommand>();
        foreach (var status in Enum.GetValues<OrderStatus>())
            foreach (var command in Enum.GetValues<OrderCommand>())
                data.Add(status, command);
        return data;
    }

    public static TheoryData<string> EveryScenario() => new(LifecycleScenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(EveryStatusAndCommand))]
    public void Command_IsCarriedOutExactlyWhenTheTableAndItsGuardAllowIt(OrderStatus status, OrderCommand command)
    {
        var row = OrderLifecycle.Table.SingleOrDefault(t => t.From == status && t.Command == command);
        var scenarios = LifecycleScenarios.All.Where(s => s.Status == status).ToList();
        scenarios.ShouldNotBeEmpty($"LifecycleScenarios has no order in {status}.");

        foreach (var scenario in scenarios)
        {
            var order = scenario.Build();
            var before = OrderSnapshot.Of(order);
            if (row is not null && (row.Guard?.Holds(order) ?? true))
            {
                LifecycleScenarios.Execute(order, command);

                order.Status.ShouldBeOneOf(row.To, $"{command} on the order {scenario}");
                order.Version.ShouldBe(before.Version + 1, $"{command} on the order {scenario}");
                order.History.Count.ShouldBe(before.HistoryCount + 1, $"{command} on the order {scenario}");
                var entry = order.History[^1];
                (entry.Action, entry.FromStatus, entry.ToStatus).ShouldBe((command.ToActionName(), status, order.Status));
            }
            else
            {
                var refusal = Should.Throw<BusinessRuleViolation>(() => LifecycleScenarios.Execute(order, command),
                    $"{command} on the order {scenario}");

                refusal.Code.ShouldBe(row?.Guard?.RuleCode ?? "order.command_not_allowed", $"{command} on the order {scenario}");
                OrderSnapshot.Of(order).ShouldBe(before, $"{command} on the order {scenario} was refused but changed it");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryScenario))]
    public void AllowedCommands_AreExactlyTheCommandsPermitAccepts(string scenarioName)
    {
        var order = LifecycleScenarios.Named(scenarioName).Build();

        var accepted = Enum.GetValues<OrderCommand>()
            .Where(c => c != OrderCommand.Review && Accepts(order, c))
            .ToList();

        order.AllowedCommands.ShouldBe(accepted, ignoreOrder: true);
    }

    [Fact]
    public void AllowedCommands_NeverOfferReview_WhichOnlyTheSystemFires()
    {
        var order = new OrderBuilder().Submitted();

        Accepts(order, OrderCommand.Review).ShouldBeTrue();
        order.AllowedCommands.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(EveryScenario))]
    public void Scenario_ReachesTheStatusItIsFiledUnder(string scenarioName)
    {
        var scenario = LifecycleScenarios.Named(scenarioName);

        scenario.Build().Status.ShouldBe(scenario.Status);
    }

    [Fact]
    public void EveryGuard_IsSeenBothHoldingAndFailingInTheScenarios()
    {
        var orders = LifecycleScenarios.All.Select(s => s.Build()).ToList();

        // Per guard, not per row: some rows cannot fail by construction (a Shipped order has always something to invoice).
        foreach (var rows in OrderLifecycle.Table.Where(t => t.Guard is not null).GroupBy(t => t.Guard!))
        {
            var outcomes = orders.Where(o => rows.Any(r => r.From == o.Status)).Select(o => rows.Key.Holds(o)).Distinct();
            outcomes.ShouldBe([true, false], ignoreOrder: true, $"guard '{rows.Key.Name}'");
        }
    }

    [Fact]
    public void Table_HasAtMostOneRowPerStatusAndCommand()
    {
        OrderLifecycle.Table.GroupBy(t => (t.From, t.Command)).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    [Fact]
    public void Table_LeavesOnlyClosedCancelledAndRejectedWithoutAWayOut()
    {
        var withoutRows = Enum.GetValues<OrderStatus>().Where(s => OrderLifecycle.Table.All(t => t.From != s));

        withoutRows.ShouldBe([OrderStatus.Rejected, OrderStatus.Closed, OrderStatus.Cancelled], ignoreOrder: true);
    }

    [Fact]
    public void Table_ReachesEveryStatusFromDraft()
    {
        var reached = new HashSet<OrderStatus> { OrderStatus.Draft };
        var frontier = new Queue<OrderStatus>(reached);
        while (frontier.TryDequeue(out var from))
            foreach (var to in OrderLifecycle.Table.Where(t => t.From == from).SelectMany(t => t.To))
                if (reached.Add(to)) frontier.Enqueue(to);

        reached.ShouldBe(Enum.GetValues<OrderStatus>(), ignoreOrder: true);
    }

    [Fact]
    public void Permit_WhenNoRowMatches_NamesWhatIsAllowedNow()
    {
        var order = new OrderBuilder().Paid();

        var refusal = Should.Throw<BusinessRuleViolation>(() => OrderLifecycle.Permit(order, OrderCommand.Cancel));

        refusal.Code.ShouldBe("order.command_not_allowed");
        refusal.Message.ShouldBe("'cancel' is not allowed while the order is Paid. Allowed now: close.");
    }

    [Fact]
    public void Permit_OnAFinalOrder_SaysNothingIsAllowed()
    {
        var order = new OrderBuilder().Closed();

        Should.Throw<BusinessRuleViolation>(() => OrderLifecycle.Permit(order, OrderCommand.Edit))
            .Message.ShouldContain("nothing (the order is final)");
    }

    [Theory]
    [InlineData(OrderCommand.RecordPayment, "record-payment")]
    [InlineData(OrderCommand.Cancel, "cancel")]
    [InlineData(OrderCommand.Approve, "approve")]
    public void ActionName_IsTheUrlName(OrderCommand command, string action)
    {
        command.ToActionName().ShouldBe(action);
    }

    [Fact]
    public void ActionName_ParsesBackToEveryCommand()
    {
        foreach (var command in Enum.GetValues<OrderCommand>())
        {
            OrderCommandNames.TryParseAction(command.ToActionName().ToUpperInvariant(), out var parsed).ShouldBeTrue(command.ToString());
            parsed.ShouldBe(command);
        }
        OrderCommandNames.TryParseAction("recordpayment", out _).ShouldBeFalse();
    }

    private static bool Accepts(SalesOrder order, OrderCommand command)
    {
        try
        {
            OrderLifecycle.Permit(order, command);
            return true;
        }
        catch (BusinessRuleViolation)
        {
            return false;
        }
    }
}
