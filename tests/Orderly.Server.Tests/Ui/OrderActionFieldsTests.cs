using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Orderly.Application.Sales;
using Orderly.Server.Ui;
using Orderly.Server.Ui.Components.Order;

namespace Orderly.Server.Tests.Ui;

/// <summary>The order page's action form (bunit): one button per allowed action, the inputs only the offered actions read, labelled, and a refusal's words next to its field.</summary>
public sealed class OrderActionFieldsTests : BunitContext
{
    public OrderActionFieldsTests()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Shipping_offers_a_labelled_quantity_per_reserved_line_and_no_reason_or_payment_fields()
    {
        using var _ = new UiCulture("en");
        var form = Render<OrderActionFields>(p => p.Add(f => f.Order, Order(["ship", "cancel", "edit"], reservedOnLine1: 4m)));

        form.FindAll("button[name='Form.Act']").Select(b => b.GetAttribute("value")).ShouldBe(["ship", "cancel"], "edit is a link, not a command of this form");
        form.Find("input[name='Form.Version']").GetAttribute("value").ShouldBe("7");
        form.Find("label[for='ship-1']").TextContent.ShouldBe("Line 1 CHAI (reserved 4 case)");
        form.Find("#ship-1").GetAttribute("value").ShouldBe("4");
        form.FindAll("#ship-2").ShouldBeEmpty("line 2 holds nothing reserved: nothing of it can ship");
        form.FindAll("#reason").Count.ShouldBe(1, "cancel takes a reason");
        form.FindAll("#amount").ShouldBeEmpty();
    }

    [Fact]
    public void Recording_a_payment_proposes_the_open_amount_and_shows_the_refusal_next_to_the_amount_in_chinese()
    {
        using var _ = new UiCulture("zh-CN");
        var refusal = new UiRefusal(400, "payment.invalid", "too much", new Dictionary<string, string[]> { ["amount"] = ["The payment exceeds the open amount."] });
        var form = Render<OrderActionFields>(p => p.Add(f => f.Order, Order(["record-payment"], reservedOnLine1: 0m)).Add(f => f.Refusal, refusal));

        form.Find("#amount").GetAttribute("value").ShouldBe("64.20", "invoiced 100.00, paid 35.80");
        form.Find("label[for='amount']").TextContent.ShouldBe("金额（EUR）");
        form.Find("#amount-error").TextContent.ShouldBe("The payment exceeds the open amount.");
        form.Find("button[name='Form.Act']").TextContent.ShouldBe("登记收款");
        form.FindAll("#reason").ShouldBeEmpty();
    }

    private static OrderView Order(IReadOnlyList<string> actions, decimal reservedOnLine1) => new(
        Guid.NewGuid(), "SO-2026-000001", Guid.NewGuid(), "EUR", "Fulfilling", null, "", null, 5, "", 100m, 0m, 100m, 100.00m, 35.80m,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 7, actions,
        [Line(1, "CHAI", reservedOnLine1), Line(2, "COFFEE", 0m)], [], new OrderReservationSummary(1, 0, 0));

    private static OrderLineView Line(int lineNo, string sku, decimal reserved) => new(
        lineNo, sku, sku, "case", 4m, 18.00m, 18.00m, 0.07m, reserved, 0m, 0m, 4m - reserved, 0m, 72.00m, 5.04m, 77.04m, null, "");
}
