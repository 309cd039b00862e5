using System.Text;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Sales;

public sealed class CustomerStatusTests
{
    [Fact]
    public void Every_internal_status_has_one_customer_status()
    {
        foreach (var status in Enum.GetValues<OrderStatus>()) CustomerStatuses.Table.Count(r => r.Status == status).ShouldBe(1, status.ToString());
    }

    [Theory]
    [InlineData(OrderStatus.OnHold, false, CustomerStatus.InReview)]
    [InlineData(OrderStatus.Fulfilling, false, CustomerStatus.InPreparation)]
    [InlineData(OrderStatus.Fulfilling, true, CustomerStatus.PartlyShipped)]
    [InlineData(OrderStatus.Shipped, true, CustomerStatus.Shipped)]
    [InlineData(OrderStatus.PartiallyInvoiced, true, CustomerStatus.Invoiced)]
    public void A_customer_sees_the_plain_state(OrderStatus status, bool shipped, CustomerStatus shown) =>
        CustomerStatuses.Of(status, shipped).ShouldBe(shown);

    [Fact]
    public void Names_are_kebab_case() => CustomerStatus.PartlyShipped.ToName().ShouldBe("partly-shipped");

    [Fact]
    public void Doc_ShowsTheCurrentCustomerStatusTable() => GeneratedDocs.ShouldBe("docs/customer-status.md", Document(), "CustomerStatuses");

    private static string Document()
    {
        var text = new StringBuilder("# What the customer sees\n\n")
            .Append("<!-- Generated from CustomerStatuses.Table (src/Orderly.Domain/Sales/CustomerStatus.cs). Regenerate: ").Append(GeneratedDocs.Regenerate).Append(" -->\n\n")
            .Append("`GET /api/orders/{id}/tracking` shows the customer's own users (and staff) one of these states, whether the order is delayed ")
            .Append("(a line promised after the requested date) with the new promised date, and a timeline of milestones. Holds, reasons, notes, ")
            .Append("actors, reservations and suppliers stay internal. There is no `delivered`: shipments carry no proof of delivery yet.\n\n")
            .Append("| internal status | the customer sees | meaning |\n| --- | --- | --- |\n");
        foreach (var row in CustomerStatuses.Table) text.Append($"| {row.Status} | `{row.Shown.ToName()}` | {row.Why} |\n");
        return text.ToString();
    }
}
