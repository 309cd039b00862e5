using Orderly.Domain.Common;
using Orderly.Domain.Procurement;

namespace Orderly.Domain.Tests.Procurement;

public class PurchaseOrderLifecycleTests
{
    public static TheoryData<PurchaseOrderStatus, PurchaseOrderCommand> EveryStatusAndCommand()
    {
        var data = new TheoryData<PurchaseOrderStatus, PurchaseOrderCommand>();
        foreach (var status in Enum.GetValues<PurchaseOrderStatus>())
            foreach (var command in Enum.GetValues<PurchaseOrderCommand>())
                data.Add(status, command);
        return data;
    }

    public static TheoryData<string> EveryScenario() => new(Scenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(EveryStatusAndCommand))]
    public void Command_IsCarriedOutExactlyWhenTheTableAllowsIt(PurchaseOrderStatus status, PurchaseOrderCommand command)
    {
        var row = PurchaseOrderLifecycle.Table.SingleOrDefault(t => t.From == status && t.Command == command);
        var scenarios = Scenarios.All.Where(s => s.Status == status).ToList();
        scenarios.ShouldNotBeEmpty($"No purchase order scenario in {status}.");

        foreach (var scenario in scenarios)
        {
            var order = scenario.Build();
            var before = Snapshot.Of(order);
            if (row is not null)
            {
                Scenarios.Execute(order, command);

                order.Status.ShouldBeOneOf(row.To, $"{command} on the order {scenario.Name}");
                order.Version.ShouldBe(before.Version + 1, $"{command} on the order {scenario.Name}");
                order.History.Count.ShouldBe(before.HistoryCount + 1, $"{command} on the order {scenario.Name}");
                var entry = order.History[^1];
                (entry.Action, entry.FromStatus, entry.ToStatus, entry.Actor).ShouldBe((command.ToActionName(), status, order.Status, Scenarios.Buyer));
            }
            else
            {
                var refusal = Should.Throw<BusinessRuleViolation>(() => Scenarios.Execute(order, command), $"{command} on the order {scenario.Name}");

                refusal.Code.ShouldBe("purchase_order.command_not_allowed");
                refusal.Message.ShouldContain(order.Number);
                Snapshot.Of(order).ShouldBe(before, $"{command} on the order {scenario.Name} was refused but changed it");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryScenario))]
    public void AllowedCommands_AreExactlyTheCommandsPermitAccepts(string scenarioName)
    {
        var order = Scenarios.All.Single(s => s.Name == scenarioName).Build();

        var accepted = Enum.GetValues<PurchaseOrderCommand>().Where(c => Accepts(order, c)).ToList();

        order.AllowedCommands.ShouldBe(accepted, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(EveryScenario))]
    public void Scenario_ReachesTheStatusItIsFiledUnder(string scenarioName)
    {
        var scenario = Scenarios.All.Single(s => s.Name == scenarioName);

        scenario.Build().Status.ShouldBe(scenario.Status);
    }

    [Fact]
    public void Table_HasAtMostOneRowPerStatusAndCommand() =>
        PurchaseOrderLifecycle.Table.GroupBy(t => (t.From, t.Command)).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();

    [Fact]
    public void Table_LeavesOnlyReceivedAndCancelledWithoutAWayOut() =>
        Enum.GetValues<PurchaseOrderStatus>().Where(s => PurchaseOrderLifecycle.Table.All(t => t.From != s))
            .ShouldBe([PurchaseOrderStatus.Received, PurchaseOrderStatus.Cancelled], ignoreOrder: true);

    [Fact]
    public void Table_ReachesEveryStatusFromDraft()
    {
        var reached = new HashSet<PurchaseOrderStatus> { PurchaseOrderStatus.Draft };
        var frontier = new Queue<PurchaseOrderStatus>(reached);
        while (frontier.TryDequeue(out var from))
            foreach (var to in PurchaseOrderLifecycle.Table.Where(t => t.From == from).SelectMany(t => t.To))
                if (reached.Add(to)) frontier.Enqueue(to);

        reached.ShouldBe(Enum.GetValues<PurchaseOrderStatus>(), ignoreOrder: true);
    }

    [Fact]
    public void Draft_TakesTheSuppliersCurrency_AndRecordsWhyItExists()
    {
        var order = Scenarios.Draft();

        (order.Status, order.Currency, order.Version, order.Origin).ShouldBe((PurchaseOrderStatus.Draft, "EUR", 1, "low stock of CHAI"));
        order.Lines.Select(l => (l.LineNo, l.Sku, l.Quantity, l.ReceivedQuantity)).ShouldBe([(1, "CHAI", 10m, 0m), (2, "COFFEE", 4m, 0m)]);
        order.History.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            h => h.Action.ShouldBe("draft"), h => h.FromStatus.ShouldBeNull(), h => h.Reason.ShouldBe("low stock of CHAI"));
    }

    [Fact]
    public void Draft_WithBadLines_NamesEveryField()
    {
        PurchaseOrderLineTerms[] lines = [new("CHAI", 0m, 5m), new("COFFEE", 2m, -1m), new("CHAI", 1m, 5m)];

        var refusal = Should.Throw<InvalidInput>(() => Scenarios.Draft(lines));

        refusal.Code.ShouldBe("purchase_order.invalid");
        refusal.FieldErrors.Keys.ShouldBe(["lines[0].quantity", "lines[1].unitPrice", "lines"], ignoreOrder: true);
    }

    [Fact]
    public void Draft_WithoutLines_IsRefused() =>
        Should.Throw<InvalidInput>(() => Scenarios.Draft([])).FieldErrors.Keys.ShouldBe(["lines"]);

    [Fact]
    public void Receive_PartOfALine_IsPartiallyReceived_AndTheRestMakesItReceived()
    {
        var order = Scenarios.Confirmed();

        order.Receive(1, 4m, "DN-1", Scenarios.Buyer, Scenarios.Now);
        order.Status.ShouldBe(PurchaseOrderStatus.PartiallyReceived);
        order.Receive(1, 6m, "DN-2", Scenarios.Buyer, Scenarios.Now);
        order.Status.ShouldBe(PurchaseOrderStatus.PartiallyReceived, "line 2 is still open");
        order.Receive(2, 4m, "DN-3", Scenarios.Buyer, Scenarios.Now);

        order.Status.ShouldBe(PurchaseOrderStatus.Received);
        order.Lines.ShouldAllBe(l => l.OpenQuantity == 0 && l.ReceivedQuantity == l.Quantity);
        order.AllowedCommands.ShouldBeEmpty();
        order.History[^1].Reason.ShouldBe("Received 4 COFFEE on line 2.");
    }

    [Fact]
    public void Cancel_AfterAPartialReceipt_CancelsWhatIsOpen_AndKeepsWhatArrived()
    {
        var order = Scenarios.Confirmed();
        order.Receive(1, 4m, "DN-1", Scenarios.Buyer, Scenarios.Now);

        order.Cancel("supplier cannot deliver the rest", Scenarios.Buyer, Scenarios.Now);

        order.Status.ShouldBe(PurchaseOrderStatus.Cancelled);
        order.IsOpen.ShouldBeFalse();
        order.Lines[0].ReceivedQuantity.ShouldBe(4m);
        order.History[^1].Reason.ShouldStartWith("supplier cannot deliver the rest Cancelled what was still open (line 1: 6");
    }

    [Fact]
    public void Receive_ReturnsTheReceiptTheLedgerPosts()
    {
        var order = Scenarios.Confirmed();

        var receipt = order.Receive(2, 1.5m, "DN-77", Scenarios.Buyer, Scenarios.Now);

        (receipt.PurchaseOrderId, receipt.LineNo, receipt.WarehouseId, receipt.Sku, receipt.Quantity, receipt.Reference, receipt.ReceivedBy)
            .ShouldBe((order.Id, 2, order.WarehouseId, "COFFEE", 1.5m, "DN-77", Scenarios.Buyer));
        order.Line(2).OpenQuantity.ShouldBe(2.5m);
    }

    [Fact]
    public void Receive_MoreThanIsOpen_IsRefused_AndChangesNothing()
    {
        var order = Scenarios.PartiallyReceived();
        var before = Snapshot.Of(order);

        var refusal = Should.Throw<BusinessRuleViolation>(() => order.Receive(1, 6.001m, "DN-9", Scenarios.Buyer, Scenarios.Now));

        refusal.Code.ShouldBe("receipt.exceeds_open_quantity");
        Snapshot.Of(order).ShouldBe(before);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Receive_NothingOrLess_IsRefused(int quantity)
    {
        var order = Scenarios.Confirmed();
        var before = Snapshot.Of(order);

        Should.Throw<InvalidInput>(() => order.Receive(1, quantity, "", Scenarios.Buyer, Scenarios.Now)).Code.ShouldBe("receipt.quantity_not_positive");
        Snapshot.Of(order).ShouldBe(before);
    }

    [Fact]
    public void Receive_OnALineTheOrderDoesNotHave_IsRefused() =>
        Should.Throw<InvalidInput>(() => Scenarios.Confirmed().Receive(3, 1m, "", Scenarios.Buyer, Scenarios.Now))
            .FieldErrors.Keys.ShouldBe(["lineNo"]);

    [Fact]
    public void Confirm_WithADateInThePast_IsRefused_AndChangesNothing()
    {
        var order = Scenarios.Sent();
        var before = Snapshot.Of(order);

        var refusal = Should.Throw<InvalidInput>(() => order.Confirm(Scenarios.Today.AddDays(-1), Scenarios.Today, Scenarios.Buyer, Scenarios.Now));

        refusal.Code.ShouldBe("purchase_order.promised_date_in_past");
        refusal.FieldErrors.Keys.ShouldBe(["promisedDate"]);
        Snapshot.Of(order).ShouldBe(before);
    }

    [Fact]
    public void Confirm_ForToday_IsAccepted()
    {
        var order = Scenarios.Sent();

        order.Confirm(Scenarios.Today, Scenarios.Today, Scenarios.Buyer, Scenarios.Now);

        (order.Status, order.PromisedDate, order.ExpectedDate).ShouldBe((PurchaseOrderStatus.Confirmed, Scenarios.Today, Scenarios.Today));
        order.History[^1].Reason.ShouldBe($"Supplier promised delivery on {Scenarios.Today:yyyy-MM-dd}.");
    }

    [Fact]
    public void Confirm_Again_MovesThePromisedDate_AndTheHistorySaysFromWhenToWhen()
    {
        var order = Scenarios.Confirmed();
        var first = order.PromisedDate!.Value;
        var later = first.AddDays(9);

        order.Confirm(later, Scenarios.Today, Scenarios.Buyer, Scenarios.Now);

        (order.Status, order.PromisedDate, order.ExpectedDate).ShouldBe((PurchaseOrderStatus.Confirmed, later, later));
        var entry = order.History[^1];
        (entry.Action, entry.FromStatus, entry.ToStatus).ShouldBe(("confirm", PurchaseOrderStatus.Confirmed, PurchaseOrderStatus.Confirmed));
        entry.Reason.ShouldBe($"Supplier moved delivery from {first:yyyy-MM-dd} to {later:yyyy-MM-dd}.");
    }

    [Fact]
    public void Cancel_WithoutAReason_IsRefused_AndChangesNothing()
    {
        var order = Scenarios.Sent();
        var before = Snapshot.Of(order);

        Should.Throw<InvalidInput>(() => order.Cancel("  ", Scenarios.Buyer, Scenarios.Now)).Code.ShouldBe("purchase_order.reason_required");
        Snapshot.Of(order).ShouldBe(before);
    }

    [Fact]
    public void IsLate_OnlyWhenConfirmedGoodsAreStillOpenAfterThePromisedDate()
    {
        var confirmed = Scenarios.Confirmed();
        var promised = confirmed.PromisedDate!.Value;

        confirmed.IsLate(promised).ShouldBeFalse("due today is not late yet");
        confirmed.IsLate(promised.AddDays(1)).ShouldBeTrue();
        Scenarios.PartiallyReceived().IsLate(promised.AddDays(1)).ShouldBeTrue();
        Scenarios.Received().IsLate(promised.AddDays(30)).ShouldBeFalse("everything arrived");
        Scenarios.Sent().IsLate(Scenarios.Today.AddDays(365)).ShouldBeFalse("nothing was promised");
        Scenarios.Cancelled().IsLate(Scenarios.Today.AddDays(365)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("send", PurchaseOrderCommand.Send)]
    [InlineData("CONFIRM", PurchaseOrderCommand.Confirm)]
    [InlineData("receive", PurchaseOrderCommand.Receive)]
    [InlineData("cancel", PurchaseOrderCommand.Cancel)]
    public void TryParseAction_TakesTheActionNames(string action, PurchaseOrderCommand expected)
    {
        PurchaseOrderLifecycle.TryParseAction(action, out var command).ShouldBeTrue();
        command.ShouldBe(expected);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("send,confirm")]
    [InlineData(" send")]
    [InlineData("ship")]
    [InlineData("")]
    public void TryParseAction_RefusesAnythingElse(string action) =>
        PurchaseOrderLifecycle.TryParseAction(action, out _).ShouldBeFalse();

    private static bool Accepts(PurchaseOrder order, PurchaseOrderCommand command)
    {
        try
        {
            PurchaseOrderLifecycle.Permit(order, command);
            return true;
        }
        catch (BusinessRuleViolation)
        {
            return false;
        }
    }
}

/// <summary>Everything a command could change, to prove a refused command changed nothing.</summary>
file sealed record Snapshot(PurchaseOrderStatus Status, int Version, int HistoryCount, DateOnly ExpectedDate, DateOnly? PromisedDate,
    DateTimeOffset UpdatedAt, string Received)
{
    public static Snapshot Of(PurchaseOrder o) => new(o.Status, o.Version, o.History.Count, o.ExpectedDate, o.PromisedDate, o.UpdatedAt,
        string.Join("; ", o.Lines.Select(l => $"{l.LineNo}: {l.ReceivedQuantity}/{l.Quantity}")));
}

file sealed record Scenario(string Name, PurchaseOrderStatus Status, Func<PurchaseOrder> Build);

/// <summary>Purchase orders brought to each status by the real commands, and a way to fire any command with valid arguments.</summary>
file static class Scenarios
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public const string Buyer = "buyer@orderly.test";

    public static readonly IReadOnlyList<Scenario> All =
    [
        new("draft", PurchaseOrderStatus.Draft, () => Draft()),
        new("sent", PurchaseOrderStatus.Sent, Sent),
        new("confirmed", PurchaseOrderStatus.Confirmed, Confirmed),
        new("partially received after confirmation", PurchaseOrderStatus.PartiallyReceived, PartiallyReceived),
        new("partially received before confirmation", PurchaseOrderStatus.PartiallyReceived, ReceivedPartlyWhileSent),
        new("received", PurchaseOrderStatus.Received, Received),
        new("cancelled as draft", PurchaseOrderStatus.Cancelled, Cancelled),
        new("cancelled after confirmation", PurchaseOrderStatus.Cancelled, CancelledAfterConfirmation),
    ];

    public static PurchaseOrder Draft(IReadOnlyList<PurchaseOrderLineTerms>? lines = null) =>
        PurchaseOrder.Draft(PurchaseOrderId.New(), "PO-2026-000045", Supplier.Register("ACME", "Acme Tea", "EUR", Now),
            WarehouseId.New(), lines ?? [new("CHAI", 10m, 5.20m), new("COFFEE", 4m, 12m)], Today.AddDays(7), "low stock of CHAI", Buyer, Now);

    public static PurchaseOrder Sent() => Do(Draft(), o => o.Send(Buyer, Now));

    public static PurchaseOrder Confirmed() => Do(Sent(), o => o.Confirm(Today.AddDays(5), Today, Buyer, Now));

    public static PurchaseOrder PartiallyReceived() => Do(Confirmed(), o => o.Receive(1, 4m, "DN-1", Buyer, Now));

    public static PurchaseOrder Received() => Do(Confirmed(), o =>
    {
        o.Receive(1, 10m, "DN-1", Buyer, Now);
        o.Receive(2, 4m, "DN-1", Buyer, Now);
    });

    public static PurchaseOrder Cancelled() => Do(Draft(), o => o.Cancel("ordered twice", Buyer, Now));

    private static PurchaseOrder ReceivedPartlyWhileSent() => Do(Sent(), o => o.Receive(2, 1m, "DN-1", Buyer, Now));

    private static PurchaseOrder CancelledAfterConfirmation() => Do(Confirmed(), o => o.Cancel("supplier cannot deliver", Buyer, Now));

    /// <summary>Fires <paramref name="command"/> with arguments that are valid whenever the table allows it.</summary>
    public static void Execute(PurchaseOrder order, PurchaseOrderCommand command)
    {
        switch (command)
        {
            case PurchaseOrderCommand.Send: order.Send(Buyer, Now); break;
            case PurchaseOrderCommand.Confirm: order.Confirm(Today.AddDays(12), Today, Buyer, Now); break;
            case PurchaseOrderCommand.Receive:
                var line = order.Lines.FirstOrDefault(l => l.OpenQuantity > 0) ?? order.Lines[0];
                order.Receive(line.LineNo, 1m, "DN-2", Buyer, Now);
                break;
            case PurchaseOrderCommand.Cancel: order.Cancel("no longer needed", Buyer, Now); break;
            default: throw new InvalidOperationException($"No way to fire {command}.");
        }
    }

    private static PurchaseOrder Do(PurchaseOrder order, Action<PurchaseOrder> change)
    {
        change(order);
        return order;
    }
}
