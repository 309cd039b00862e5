using Orderly.Domain.Catalog;
using Orderly.Domain.Common;
using Orderly.Domain.Customers;
using Orderly.Domain.Inventory;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.Common;

/// <summary>Every numeric input is bounded by <see cref="Limits"/>, and the largest inputs compute without overflow (issue #8, item 4).</summary>
public class LimitsTests
{
    [Fact]
    public void TheLargestOrder_OfFiveHundredLinesAtEveryLimit_TotalsAndInvoicesWithoutOverflow()
    {
        var builder = new OrderBuilder();
        for (var i = 0; i < SalesOrder.MaxLines; i++) builder.WithLine(Limits.MaxQuantity, Limits.MaxUnitPrice, taxRate: 1m);
        var order = builder.Shipped();

        var invoice = order.InvoiceShipped();

        order.TotalAmount(MoneyRounding.Default).ShouldBe(Limits.MaxDocumentAmount);
        invoice.TotalAmount.ShouldBe(Limits.MaxDocumentAmount);
        order.UninvoicedAmount(MoneyRounding.Default).ShouldBe(0m);
    }

    [Theory]
    [InlineData("1000000000.000001")] // just above the largest price
    [InlineData("100000000000000000000")]
    [InlineData("0.0000001")] // finer than 6 decimals
    [InlineData("-0.01")]
    public void Product_WithAListPriceOutsideTheLimits_IsRefusedAtListPrice(string listPrice)
    {
        var price = decimal.Parse(listPrice, System.Globalization.CultureInfo.InvariantCulture);

        var refusal = Should.Throw<InvalidInput>(() => Product.Define("GOLD", "Gold", "kg", 3, price, "EUR", 0.19m, 0m, OrderBuilder.Now));

        (refusal.Code, refusal.FieldErrors.Keys.Single()).ShouldBe(("product.invalid", "listPrice"));
    }

    [Fact]
    public void Product_AtTheLargestListPrice_IsDefined() =>
        Product.Define("GOLD", "Gold", "kg", 3, Limits.MaxUnitPrice, "EUR", 0.19m, 0m, OrderBuilder.Now).ListPrice.ShouldBe(Limits.MaxUnitPrice);

    [Fact]
    public void Customer_WithACreditLimitAboveTheLargestAmount_IsRefusedAtCreditLimit()
    {
        var refusal = Should.Throw<InvalidInput>(() => Customer.Register("RICH", "Rich", "EUR", Limits.MaxAmount + 1m, 30, OrderBuilder.Now));

        refusal.FieldErrors.Keys.ShouldBe(["creditLimit"]);
    }

    [Fact]
    public void SupplierOffer_BeyondTheLimits_IsRefusedAtEachField()
    {
        var refusal = Should.Throw<InvalidInput>(() =>
            SupplierOffer.Define(SupplierId.New(), "CHAI", Limits.MaxUnitPrice + 1m, "EUR", Limits.MaxLeadTimeDays + 1, Limits.MaxQuantity + 1m, 1));

        refusal.FieldErrors.Keys.ShouldBe(["unitPrice", "leadTimeDays", "minimumOrderQuantity"], ignoreOrder: true);
    }

    [Fact]
    public void ReorderPolicy_AboveTheLargestQuantity_IsRefusedAtEachField()
    {
        var refusal = Should.Throw<InvalidInput>(() =>
            ReorderPolicy.Define(OrderBuilder.MainWarehouse, "CHAI", 2e9m, 2e9m, 3e9m, null, OrderBuilder.Now));

        refusal.FieldErrors.Keys.ShouldBe(["reorderPoint", "safetyStock", "reorderQuantity"], ignoreOrder: true);
    }

    [Fact]
    public void ReorderPolicy_Shortfall_NeverAsksForMoreThanOneLineMayOrder()
    {
        var policy = ReorderPolicy.Define(OrderBuilder.MainWarehouse, "CHAI", 10m, 0m, null, Limits.MaxQuantity, OrderBuilder.Now);

        policy.ShortfallQuantity(-5_000_000_000m).ShouldBe(Limits.MaxQuantity);
    }

    [Fact]
    public void Payment_AboveTheLargestAmount_IsA400AtTheAmount()
    {
        var invoice = new OrderBuilder().Shipped().InvoiceShipped();

        var refusal = Should.Throw<InvalidInput>(() =>
            invoice.RecordPayment(Limits.MaxAmount + 1m, OrderBuilder.Today, "wire", OrderBuilder.Clerk, OrderBuilder.Now));

        (refusal.Code, refusal.FieldErrors.Keys.Single()).ShouldBe(("payment.amount_too_large", "amount"));
    }
}
