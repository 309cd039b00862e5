using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

/// <summary>An approval overrides only the hold it answers; every other review rule is evaluated again (issue #8, item 2).</summary>
public class ApprovalReviewTests
{
    private static readonly ReviewFinding PriceLow = new(OrderReview.Rules.PriceBelowAllowedDiscount, HoldReason.Price, "Line 1: 90 is below 95.");
    private static readonly ReviewFinding OverLimit = new(OrderReview.Rules.CreditLimitExceeded, HoldReason.Credit, "Exposure 1800 exceeds 1000.");

    [Fact]
    public void Approve_OfAPriceHold_WhenCreditNoLongerFits_HoldsTheOrderForCredit()
    {
        var order = new OrderBuilder().OnHold(HoldReason.Price);

        order.Approve("price agreed with sales lead", [PriceLow, OverLimit], OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.OnHold);
        order.HoldReason.ShouldBe(HoldReason.Credit);
        order.HoldNote.ShouldBe($"[{OrderReview.Rules.CreditLimitExceeded}] Exposure 1800 exceeds 1000.");
        order.History[^1].ShouldSatisfyAllConditions(
            e => (e.Action, e.FromStatus, e.ToStatus).ShouldBe(("approve", OrderStatus.OnHold, OrderStatus.OnHold)),
            e => e.Reason.ShouldStartWith("price agreed with sales lead This lifts the Price hold, but the review now holds the order for Credit:"),
            e => e.Reason.ShouldContain(OrderReview.Rules.CreditLimitExceeded));
    }

    [Fact]
    public void Approve_OfAPriceHold_WhenOnlyThePriceIsStillLow_Approves()
    {
        var order = new OrderBuilder().OnHold(HoldReason.Price);

        order.Approve("price agreed with sales lead", [PriceLow], OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.Approved);
        order.HoldReason.ShouldBeNull();
        order.ApprovedHolds.ShouldBe("Price");
    }

    [Fact]
    public void Approve_OfTheCreditHoldThatFollowed_KeepsTheEarlierPriceApproval()
    {
        var order = new OrderBuilder().OnHold(HoldReason.Price);
        order.Approve("price agreed with sales lead", [PriceLow, OverLimit], OrderBuilder.Clerk, OrderBuilder.Now);

        order.Approve("prepayment received", [PriceLow, OverLimit], OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.Approved);
        order.ApprovedHolds.ShouldBe("Price,Credit");
    }

    [Fact]
    public void Edit_ForgetsTheApprovals_SoTheNewContentIsReviewedInFull()
    {
        var order = new OrderBuilder().OnHold(HoldReason.Price);
        order.Approve("price agreed with sales lead", [PriceLow, OverLimit], OrderBuilder.Clerk, OrderBuilder.Now);

        order.Edit(order.CurrentTerms(), OrderBuilder.Today.AddDays(20), null, OrderBuilder.Clerk, OrderBuilder.Now);

        order.ApprovedHolds.ShouldBeEmpty();
    }

    [Fact]
    public void Release_OfAManualHold_WhenCreditNoLongerFits_HoldsTheOrderForCredit()
    {
        var order = new OrderBuilder().OnHold(HoldReason.Manual);

        order.Release("customer called back", [OverLimit], OrderBuilder.Clerk, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.OnHold);
        order.HoldReason.ShouldBe(HoldReason.Credit);
        order.History[^1].Reason.ShouldStartWith("customer called back This lifts the manual hold, but the review now holds the order for Credit:");
    }

    [Fact]
    public void Approve_OfAManualHold_OverridesNoReviewRule()
    {
        var order = new OrderBuilder().OnHold(HoldReason.Manual);

        order.Approve("customer called back", [OverLimit], OrderBuilder.Clerk, OrderBuilder.Now);

        (order.Status, order.HoldReason, order.ApprovedHolds).ShouldBe((OrderStatus.OnHold, HoldReason.Credit, ""));
    }
}
