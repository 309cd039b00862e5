using Orderly.Domain.Billing;
using Orderly.Domain.People;
using Orderly.Domain.Sales;
using Orderly.Domain.Workflow;

namespace Orderly.Domain.Tests.Workflow;

public sealed class StepOwnershipTests
{
    private static readonly OrderStatus[] Final = [OrderStatus.Closed, OrderStatus.Cancelled, OrderStatus.Rejected];

    [Theory]
    [InlineData(OrderStatus.Draft, OrderStep.Enter, Role.Sales)]
    [InlineData(OrderStatus.Submitted, OrderStep.Review, Role.Review)]
    [InlineData(OrderStatus.Approved, OrderStep.ConfirmWithCustomer, Role.Sales)]
    [InlineData(OrderStatus.Confirmed, OrderStep.Reserve, Role.Warehouse)]
    [InlineData(OrderStatus.Fulfilling, OrderStep.Procure, Role.Procurement)]
    [InlineData(OrderStatus.Shipped, OrderStep.Invoice, Role.Finance)]
    [InlineData(OrderStatus.Invoiced, OrderStep.CollectPayment, Role.Finance)]
    [InlineData(OrderStatus.Paid, OrderStep.Close, Role.OrderAdministration)]
    public void Each_status_opens_its_departments_step(OrderStatus status, OrderStep next, Role department)
    {
        var open = StepOwnership.OpenSteps(new OrderBuilder().InStatus(status));
        open[0].Step.ShouldBe(next);
        open[0].Department.ShouldBe(department);
    }

    [Theory]
    [InlineData(HoldReason.Credit, OrderStep.CreditReview, Role.Finance)]
    [InlineData(HoldReason.Price, OrderStep.Review, Role.Review)]
    [InlineData(HoldReason.Manual, OrderStep.Review, Role.Review)]
    [InlineData(HoldReason.Data, OrderStep.CorrectData, Role.Sales)]
    [InlineData(HoldReason.Delivery, OrderStep.ConfirmWithCustomer, Role.Sales)]
    public void A_hold_goes_to_the_department_that_lifts_it(HoldReason reason, OrderStep step, Role department)
    {
        var open = StepOwnership.OpenSteps(new OrderBuilder().OnHold(reason));
        open.Single().Step.ShouldBe(step);
        open.Single().Department.ShouldBe(department);
    }

    [Fact]
    public void A_fulfilling_order_has_the_warehouse_ship_while_procurement_buys_the_rest()
    {
        var order = new OrderBuilder().Fulfilling(); // a reserve tried every line: line 1 reserved, line 2 backordered
        StepOwnership.OpenSteps(order).Select(r => r.Step).ShouldBe([OrderStep.Procure, OrderStep.Ship]);
        order.Ship(null, OrderBuilder.Clerk, OrderBuilder.Now);
        StepOwnership.OpenSteps(order).Select(r => r.Step).ShouldBe([OrderStep.Procure, OrderStep.Invoice]);
    }

    [Fact]
    public void Final_orders_have_no_step()
    {
        foreach (var status in Final)
            StepOwnership.OpenSteps(new OrderBuilder().InStatus(status)).ShouldBeEmpty(status.ToString());
    }

    /// <summary>
    /// The property of issue 11 item 9: over random journeys (every command the lifecycle allows, with random partial
    /// reservations, shipments and payments), an order that is not final always has an owner for its next step, and it
    /// comes from a real row of the table, never the safety net.
    /// </summary>
    [Fact]
    public void No_order_is_ever_without_an_owner_for_its_next_step()
    {
        var random = new Random(20261203);
        for (var journey = 0; journey < 300; journey++)
        {
            var order = new OrderBuilder().WithLine(random.Next(1, 20)).WithLine(random.Next(1, 20)).WithLine(random.Next(1, 5)).Draft();
            var invoices = new List<Invoice>();
            for (var move = 0; move < 40 && !Final.Contains(order.Status); move++)
            {
                var allowed = order.AllowedCommands;
                if (allowed.Count == 0) break;
                Run(order, allowed[random.Next(allowed.Count)], invoices, random);
                var open = StepOwnership.OpenSteps(order);
                if (Final.Contains(order.Status)) open.ShouldBeEmpty();
                else
                {
                    open.ShouldNotBeEmpty($"{order.Status} has no step");
                    open.ShouldNotContain(StepOwnership.Unmatched, $"{order.Status} fell through the table");
                }
            }
        }
    }

    private static void Run(SalesOrder order, OrderCommand command, List<Invoice> invoices, Random random)
    {
        var (actor, now) = (OrderBuilder.Clerk, OrderBuilder.Now);
        switch (command)
        {
            case OrderCommand.Edit: order.Edit(order.CurrentTerms(), order.RequestedDate, null, actor, now); break;
            case OrderCommand.Submit:
                order.Submit(actor, now);
                var reasons = Enum.GetValues<HoldReason>().Where(r => r != HoldReason.Manual).ToArray();
                order.CompleteReview(random.Next(3) == 0 ? [] : [new ReviewFinding("test.finding", reasons[random.Next(reasons.Length)], "found")], now);
                break;
            case OrderCommand.Approve: order.Approve("fine", [], actor, now); break;
            case OrderCommand.Release: order.Release(null, [], actor, now); break;
            case OrderCommand.Reject: order.Reject("no", actor, now); break;
            case OrderCommand.Hold: order.Hold("wait", actor, now); break;
            case OrderCommand.Confirm: order.Confirm(actor, now); break;
            case OrderCommand.Cancel: order.Cancel("withdrawn", actor, now); break;
            case OrderCommand.Reserve:
                var part = order.Lines.Where(l => l.QuantityToReserve > 0 && random.Next(2) == 0)
                    .Select(l => new StockAllocation(l.LineNo, OrderBuilder.MainWarehouse, l.Sku, random.Next(1, (int)l.QuantityToReserve + 1))).ToList();
                order.RecordReservations(part, actor, now);
                break;
            case OrderCommand.Ship: order.Ship(null, actor, now); break;
            case OrderCommand.Invoice: invoices.Add(order.InvoiceShipped()); break;
            case OrderCommand.RecordPayment:
                var open = invoices.First(i => i.OpenAmount > 0);
                order.Pay(open, random.Next(2) == 0 ? open.OpenAmount : Math.Max(0.01m, Math.Round(open.OpenAmount / 2, 2)));
                break;
            case OrderCommand.Close: order.Close(actor, now); break;
        }
    }

    [Fact]
    public void Steps_have_kebab_names_that_parse_back()
    {
        foreach (var step in Enum.GetValues<OrderStep>())
        {
            StepNames.TryParse(step.ToName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(step);
        }
        OrderStep.ConfirmWithCustomer.ToName().ShouldBe("confirm-with-customer");
        StepNames.TryParse("nonsense", out _).ShouldBeFalse();
    }

    [Fact]
    public void Doc_ShowsTheCurrentStepTable() => GeneratedDocs.ShouldBe("docs/workflow/steps.md", Document(), "StepOwnership");

    private static string Document() =>
        "# Steps and owners\n\n" +
        "<!-- Generated from StepOwnership.Table and SlaDefaults (src/Orderly.Domain/Workflow/). Regenerate: " + GeneratedDocs.Regenerate + " -->\n\n" +
        "Every order that is not final has at least one open step; each is owned by a department and, once assigned, a person. " +
        "Several steps can be open at once; the order's next step is the first open row. See [workflow.md](workflow.md).\n\n" +
        StepOwnership.ToMarkdown();
}
