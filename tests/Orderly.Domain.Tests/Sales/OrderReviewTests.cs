using System.Reflection;
using Orderly.Domain.Common;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

public class OrderReviewTests
{
    private static readonly DateOnly Today = OrderBuilder.Today;
    private static readonly CreditPosition AmpleCredit = new(100_000m, 0m, 0m, null);

    /// <summary>For each rule: an order and credit position that break that rule and no other, and the hold it causes.</summary>
    private static readonly Dictionary<string, (Func<(SalesOrder, CreditPosition)> Arrange, HoldReason Hold)> Triggers = new()
    {
        [OrderReview.Rules.NoLines] = (() => (new OrderBuilder().WithoutLines().Draft(), AmpleCredit), HoldReason.Data),
        [OrderReview.Rules.QuantityInvalid] = (() => (new OrderBuilder().WithLine(1.5m, unitDecimals: 0).Draft(), AmpleCredit), HoldReason.Data),
        [OrderReview.Rules.PriceMissing] = (() => (new OrderBuilder().WithLine(2m, unitPrice: null).Draft(), AmpleCredit), HoldReason.Data),
        [OrderReview.Rules.RequestedDateMissing] = (() => (new OrderBuilder().RequestedOn(null).Draft(), AmpleCredit), HoldReason.Data),
        [OrderReview.Rules.RequestedDateInPast] = (() => (new OrderBuilder().RequestedOn(Today.AddDays(-1)).Draft(), AmpleCredit), HoldReason.Data),
        [OrderReview.Rules.PriceBelowAllowedDiscount] =
            (() => (new OrderBuilder().WithLine(1m, unitPrice: 89.99m, listPrice: 100m, maxDiscountPercent: 10m).Draft(), AmpleCredit), HoldReason.Price),
        [OrderReview.Rules.CreditLimitExceeded] = (() => (new OrderBuilder().Draft(), new CreditPosition(400m, 0m, 0m, null)), HoldReason.Credit),
        [OrderReview.Rules.InvoiceOverdue] =
            (() => (new OrderBuilder().Draft(), AmpleCredit with { OldestOverdue = new("INV-2026-000007", Today.AddDays(-1), 50m) }), HoldReason.Credit),
        [OrderReview.Rules.RequestedBeforePromise] = (() => (PromisedOn(Today.AddDays(10), requested: Today.AddDays(3)), AmpleCredit), HoldReason.Delivery),
    };

    private static SalesOrder PromisedOn(DateOnly promised, DateOnly requested)
    {
        var order = new OrderBuilder().RequestedOn(requested).Draft();
        order.Promise(1, promised, "expected with PO-2026-000045", OrderBuilder.Clerk, OrderBuilder.Now);
        return order;
    }

    [Fact]
    public void A_promise_on_the_requested_date_passes_and_the_finding_names_the_promise_when_later()
    {
        OrderReview.Evaluate(PromisedOn(Today.AddDays(3), requested: Today.AddDays(3)), AmpleCredit, Today, MoneyRounding.Default).ShouldBeEmpty();

        var finding = OrderReview.Evaluate(PromisedOn(Today.AddDays(4), requested: Today.AddDays(3)), AmpleCredit, Today, MoneyRounding.Default).Single();

        finding.Message.ShouldContain(Today.AddDays(4).ToString("yyyy-MM-dd"));
        finding.Message.ShouldContain("PO-2026-000045");
    }

    [Fact]
    public void A_moved_promise_is_kept_in_the_history_and_an_unchanged_one_is_not()
    {
        var order = PromisedOn(Today.AddDays(10), requested: Today.AddDays(20));
        var entries = order.History.Count;

        order.Promise(1, Today.AddDays(10), "expected with PO-2026-000045", OrderBuilder.Clerk, OrderBuilder.Now).ShouldBeFalse();
        order.Promise(1, Today.AddDays(12), "expected with PO-2026-000046", OrderBuilder.Clerk, OrderBuilder.Now).ShouldBeTrue();

        order.History.Count.ShouldBe(entries + 1);
        order.History[^1].Action.ShouldBe("promise");
        order.History[^1].Reason.ShouldContain($"was {Today.AddDays(10):yyyy-MM-dd}");
        order.Lines[0].PromisedDate.ShouldBe(Today.AddDays(12));
    }

    public static TheoryData<string> EveryRuleCode() => new(
        typeof(OrderReview.Rules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(EveryRuleCode))]
    public void Rule_WhenBroken_IsTheOnlyFindingWithItsHoldReason(string code)
    {
        Triggers.ShouldContainKey(code, $"Add a case to {nameof(Triggers)} for the new rule {code}.");
        var (order, credit) = Triggers[code].Arrange();

        var findings = OrderReview.Evaluate(order, credit, Today, MoneyRounding.Default);

        findings.Select(f => f.Code).ShouldBe([code]);
        findings[0].Reason.ShouldBe(Triggers[code].Hold);
    }

    [Theory]
    [MemberData(nameof(EveryRuleCode))]
    public void Rule_WhenBroken_PutsTheSubmittedOrderOnHold(string code)
    {
        var (order, credit) = Triggers[code].Arrange();
        order.Submit(OrderBuilder.Clerk, OrderBuilder.Now);

        order.CompleteReview(OrderReview.Evaluate(order, credit, Today, MoneyRounding.Default), OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.OnHold);
        order.HoldReason.ShouldBe(Triggers[code].Hold);
        order.HoldNote.ShouldContain($"[{code}]");
        order.History[^1].Actor.ShouldBe(OrderReview.Actor);
    }

    [Fact]
    public void Review_WhenEveryRulePasses_ApprovesTheOrder()
    {
        var order = new OrderBuilder().Submitted();

        var findings = OrderReview.Evaluate(order, AmpleCredit, Today, MoneyRounding.Default);
        order.CompleteReview(findings, OrderBuilder.Now);

        findings.ShouldBeEmpty();
        order.Status.ShouldBe(OrderStatus.Approved);
        order.HoldReason.ShouldBeNull();
        order.History[^1].ShouldSatisfyAllConditions(
            e => e.Actor.ShouldBe(OrderReview.Actor),
            e => e.FromStatus.ShouldBe(OrderStatus.Submitted),
            e => e.ToStatus.ShouldBe(OrderStatus.Approved));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Quantity_NotAboveZero_IsADataFinding(decimal quantity)
    {
        var order = new OrderBuilder().WithLine(quantity).Draft();

        OrderReview.Evaluate(order, AmpleCredit, Today, MoneyRounding.Default).Select(f => f.Code).ShouldBe([OrderReview.Rules.QuantityInvalid]);
    }

    [Fact]
    public void Quantity_WithTheUnitsDecimals_Passes()
    {
        var order = new OrderBuilder().WithLine(2.125m, unitDecimals: 3, unit: "kg").Draft();

        OrderReview.Evaluate(order, AmpleCredit, Today, MoneyRounding.Default).ShouldBeEmpty();
    }

    [Fact]
    public void RequestedDate_Today_Passes()
    {
        var order = new OrderBuilder().RequestedOn(Today).Draft();

        OrderReview.Evaluate(order, AmpleCredit, Today, MoneyRounding.Default).ShouldBeEmpty();
    }

    [Fact]
    public void Price_ExactlyAtTheAllowedDiscount_Passes()
    {
        var order = new OrderBuilder().WithLine(1m, unitPrice: 90m, listPrice: 100m, maxDiscountPercent: 10m).Draft();

        OrderReview.Evaluate(order, AmpleCredit, Today, MoneyRounding.Default).ShouldBeEmpty();
    }

    [Fact]
    public void DefaultOrder_TotalsTheRoundedGrossOfItsLines()
    {
        // 10 × 12.50 + 19 % = 148.75; 3 × 99.99 = 299.97 + 7 % (20.9979 → 21.00) = 320.97.
        new OrderBuilder().Draft().TotalAmount(MoneyRounding.Default).ShouldBe(469.72m);
    }

    [Fact]
    public void CreditExposure_ExactlyAtTheLimit_Passes()
    {
        var order = new OrderBuilder().Draft();
        var credit = new CreditPosition(CreditLimit: 1_000m + 500m + 469.72m, OpenReceivables: 1_000m, OpenOrdersAmount: 500m, null);

        OrderReview.Evaluate(order, credit, Today, MoneyRounding.Default).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0.01, 0, 0)]  // open receivables count
    [InlineData(0, 0.01, 0)]  // open orders count
    [InlineData(0, 0, -0.01)] // this order counts
    public void CreditExposure_OneCentOverTheLimit_IsACreditFinding(decimal moreReceivables, decimal moreOpenOrders, decimal limitChange)
    {
        var order = new OrderBuilder().Draft();
        var credit = new CreditPosition(1_969.72m + limitChange, 1_000m + moreReceivables, 500m + moreOpenOrders, null);

        var findings = OrderReview.Evaluate(order, credit, Today, MoneyRounding.Default);

        findings.Select(f => (f.Code, f.Reason)).ShouldBe([(OrderReview.Rules.CreditLimitExceeded, HoldReason.Credit)]);
    }

    [Theory]
    [InlineData("JPY", 1)]
    [InlineData("KWD", 0.001)]
    public void CreditExposure_OneMinorUnitOver_IsAFindingInEveryCurrency(string currency, decimal minorUnit)
    {
        var order = new OrderBuilder().InCurrency(currency).WithLine(7m, unitPrice: 13.3m, taxRate: 0.1m).Draft();
        var total = order.TotalAmount(MoneyRounding.Default);

        OrderReview.Evaluate(order, new CreditPosition(total, 0m, 0m, null), Today, MoneyRounding.Default).ShouldBeEmpty();
        OrderReview.Evaluate(order, new CreditPosition(total - minorUnit, 0m, 0m, null), Today, MoneyRounding.Default)
            .Select(f => f.Code).ShouldBe([OrderReview.Rules.CreditLimitExceeded]);
    }

    [Fact]
    public void OverdueInvoice_DueToday_IsNotYetOverdue()
    {
        var order = new OrderBuilder().Draft();
        var credit = AmpleCredit with { OldestOverdue = new("INV-2026-000007", Today, 50m) };

        OrderReview.Evaluate(order, credit, Today, MoneyRounding.Default).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_ReportsEveryBrokenRuleAtOnce()
    {
        var order = new OrderBuilder().RequestedOn(null).WithLine(1m, unitPrice: 50m, listPrice: 100m).WithLine(2m, unitPrice: null).Draft();
        var credit = new CreditPosition(10m, 0m, 0m, new("INV-2026-000007", Today.AddDays(-30), 50m));

        OrderReview.Evaluate(order, credit, Today, MoneyRounding.Default).Select(f => f.Code).ShouldBe(
        [
            OrderReview.Rules.PriceMissing, OrderReview.Rules.RequestedDateMissing, OrderReview.Rules.PriceBelowAllowedDiscount,
            OrderReview.Rules.CreditLimitExceeded, OrderReview.Rules.InvoiceOverdue,
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData(HoldReason.Price, HoldReason.Credit)]
    [InlineData(HoldReason.Data, HoldReason.Price, HoldReason.Credit)]
    [InlineData(HoldReason.Data, HoldReason.Credit)]
    public void CompleteReview_WithSeveralFindings_HoldsForTheMostSevereAndNotesEveryCode(HoldReason expected, params HoldReason[] others)
    {
        var order = new OrderBuilder().Submitted();
        List<ReviewFinding> findings = [.. others.Select(r => new ReviewFinding($"review.{r}", r, $"{r} problem.")), new("review.first", expected, "First.")];

        order.CompleteReview(findings, OrderBuilder.Now);

        order.Status.ShouldBe(OrderStatus.OnHold);
        order.HoldReason.ShouldBe(expected);
        foreach (var finding in findings) order.HoldNote.ShouldContain($"[{finding.Code}] {finding.Message}");
        order.History[^1].Reason.ShouldBe(order.HoldNote);
    }
}
