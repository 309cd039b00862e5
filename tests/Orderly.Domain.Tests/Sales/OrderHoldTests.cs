using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

public class OrderHoldTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  \t")]
    public void Approve_WithoutAReason_IsRefusedAndChangesNothing(string reason)
    {
        var order = new OrderBuilder().OnHold(HoldReason.Credit);
        var before = OrderSnapshot.Of(order);

        var refusal = Should.Throw<InvalidInput>(() => order.Approve(reason, [], OrderBuilder.Clerk, OrderBuilder.Now));

        refusal.Code.ShouldBe("order.reason_required");
        refusal.FieldErrors.Keys.ShouldBe(["reason"]);
        OrderSnapshot.Of(order).ShouldBe(before);
    }

    [Theory]
    [InlineData(HoldReason.Data)]
    [InlineData(HoldReason.Price)]
    [InlineData(HoldReason.Credit)]
    [InlineData(HoldReason.Manual)]
    public void Approve_WithAReason_LiftsAnyHoldAndRecordsWhoAndWhy(HoldReason hold)
    {
        var order = new OrderBuilder().OnHold(hold);

        order.Approve("limit raised by CFO", [], "cfo@orderly.test", OrderBuilder.Now.AddHours(1));

        order.Status.ShouldBe(OrderStatus.Approved);
        order.HoldReason.ShouldBeNull();
        order.HoldNote.ShouldBeEmpty();
        order.History[^1].ShouldSatisfyAllConditions(
            e => e.Actor.ShouldBe("cfo@orderly.test"),
            e => e.Action.ShouldBe("approve"),
            e => e.FromStatus.ShouldBe(OrderStatus.OnHold),
            e => e.ToStatus.ShouldBe(OrderStatus.Approved),
            e => e.Reason.ShouldBe("limit raised by CFO"),
            e => e.At.ShouldBe(OrderBuilder.Now.AddHours(1)));
    }

    [Theory]
    [InlineData(HoldReason.Data)]
    [InlineData(HoldReason.Price)]
    [InlineData(HoldReason.Credit)]
    public void Release_OfAReviewHold_IsRefused(HoldReason hold)
    {
        var order = new OrderBuilder().OnHold(hold);
        var before = OrderSnapshot.Of(order);

        var refusal = Should.Throw<BusinessRuleViolation>(() => order.Release("looks fine", [], OrderBuilder.Clerk, OrderBuilder.Now));

        refusal.Code.ShouldBe("order.review_hold_needs_approval");
        OrderSnapshot.Of(order).ShouldBe(before);
        order.AllowedCommands.ShouldNotContain(OrderCommand.Release);
    }

    [Fact]
    public void Release_OfAManualHold_ReturnsToApproved()
    {
        var order = new OrderBuilder().OnHold(HoldReason.Manual);

        order.Release(null, [], OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.Approved);
        order.HoldReason.ShouldBeNull();
        order.History[^1].Reason.ShouldBe("Manual hold released.");
    }

    [Fact]
    public void Hold_OfAnApprovedOrder_IsManualAndKeepsTheReason()
    {
        var order = new OrderBuilder().Approved();

        order.Hold("customer moves warehouse", OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.OnHold);
        order.HoldReason.ShouldBe(HoldReason.Manual);
        order.HoldNote.ShouldBe("customer moves warehouse");
        order.AllowedCommands.ShouldContain(OrderCommand.Release);
    }

    [Fact]
    public void Hold_WithoutAReason_IsRefused()
    {
        var order = new OrderBuilder().Approved();

        Should.Throw<InvalidInput>(() => order.Hold(" ", OrderBuilder.Clerk, OrderBuilder.Now)).Code.ShouldBe("order.reason_required");
        order.Status.ShouldBe(OrderStatus.Approved);
    }

    [Fact]
    public void Reject_WithoutAReason_IsRefused()
    {
        var order = new OrderBuilder().OnHold();

        Should.Throw<InvalidInput>(() => order.Reject("", OrderBuilder.Clerk, OrderBuilder.Now)).Code.ShouldBe("order.reason_required");
        order.Status.ShouldBe(OrderStatus.OnHold);
    }

    [Fact]
    public void Edit_OfAnOrderOnHold_ReturnsItToDraftWithoutTheHold()
    {
        var order = new OrderBuilder().OnHold(HoldReason.Price);

        order.Edit([.. order.CurrentTerms().Take(1)], OrderBuilder.Today.AddDays(20), " new note ", OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.Draft);
        order.HoldReason.ShouldBeNull();
        order.HoldNote.ShouldBeEmpty();
        order.Lines.Count.ShouldBe(1);
        order.RequestedDate.ShouldBe(OrderBuilder.Today.AddDays(20));
        order.Note.ShouldBe("new note");
        order.AllowedCommands.ShouldContain(OrderCommand.Submit);
    }
}
