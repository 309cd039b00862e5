using Orderly.Domain.Catalog;
using Orderly.Domain.Common;

namespace Orderly.Domain.Tests.Catalog;

public class ProductTests
{
    private static Product Define(string sku = "BOLT-M8", string name = "Hex bolt M8", string unit = "pc", int unitDecimals = 0,
        decimal listPrice = 12.50m, string currency = "EUR", decimal taxRate = 0.19m, decimal maxDiscountPercent = 10m) =>
        Product.Define(sku, name, unit, unitDecimals, listPrice, currency, taxRate, maxDiscountPercent, OrderBuilder.Now);

    [Fact]
    public void Define_KeepsTheTermsAndTrimsTheTexts()
    {
        var product = Define(sku: " BOLT-M8 ", name: " Hex bolt M8 ", unit: " kg ", unitDecimals: 3);

        product.ShouldSatisfyAllConditions(
            p => p.Sku.ShouldBe("BOLT-M8"),
            p => p.Name.ShouldBe("Hex bolt M8"),
            p => p.Unit.ShouldBe("kg"),
            p => p.UnitDecimals.ShouldBe(3),
            p => p.ListPrice.ShouldBe(12.50m),
            p => p.TaxRate.ShouldBe(0.19m),
            p => p.CreatedAt.ShouldBe(OrderBuilder.Now));
        product.Id.Value.ShouldNotBe(Guid.Empty);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(6, 1, 100)]
    public void Define_AtTheLimits_IsAccepted(int unitDecimals, decimal taxRate, decimal maxDiscountPercent)
    {
        Should.NotThrow(() => Define(unitDecimals: unitDecimals, taxRate: taxRate, maxDiscountPercent: maxDiscountPercent, listPrice: 0m));
    }

    public static TheoryData<string, Func<Product>> InvalidDefinitions() => new()
    {
        { "sku", () => Define(sku: " ") },
        { "sku", () => Define(sku: new string('S', 65)) },
        { "name", () => Define(name: "") },
        { "unit", () => Define(unit: new string('u', 17)) },
        { "unitDecimals", () => Define(unitDecimals: -1) },
        { "unitDecimals", () => Define(unitDecimals: 7) },
        { "listPrice", () => Define(listPrice: -0.01m) },
        { "currency", () => Define(currency: "EURO") },
        { "taxRate", () => Define(taxRate: 19m) },
        { "taxRate", () => Define(taxRate: -0.01m) },
        { "maxDiscountPercent", () => Define(maxDiscountPercent: 100.5m) },
        { "maxDiscountPercent", () => Define(maxDiscountPercent: -1m) },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions), DisableDiscoveryEnumeration = true)]
    public void Define_WithAnInvalidField_NamesThatField(string field, Func<Product> define)
    {
        var refusal = Should.Throw<InvalidInput>(define);

        refusal.Code.ShouldBe("product.invalid");
        refusal.FieldErrors.Keys.ShouldBe([field]);
    }

    [Fact]
    public void Define_WithSeveralInvalidFields_ReportsThemAll()
    {
        var refusal = Should.Throw<InvalidInput>(() => Define(sku: "", listPrice: -1m, currency: "???"));

        refusal.FieldErrors.Keys.ShouldBe(["sku", "listPrice", "currency"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(100, 10, 90)]
    [InlineData(12.50, 0, 12.50)]
    [InlineData(80, 100, 0)]
    public void LowestPriceWithoutHold_IsListPriceLessTheMaximumDiscount(decimal listPrice, decimal maxDiscountPercent, decimal lowest)
    {
        Define(listPrice: listPrice, maxDiscountPercent: maxDiscountPercent).LowestPriceWithoutHold.ShouldBe(lowest);
    }
}
