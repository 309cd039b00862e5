using Orderly.Domain.Common;

namespace Orderly.Domain.Catalog;

/// <summary>A sellable item: its unit (with how many decimals a quantity may have), list price, tax and discount ceiling.</summary>
public sealed class Product
{
    private Product() { }

    public ProductId Id { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public int UnitDecimals { get; private set; }
    public decimal ListPrice { get; private set; }
    public string Currency { get; private set; } = "";
    public decimal TaxRate { get; private set; }
    public decimal MaxDiscountPercent { get; private set; }
    /// <summary>The product line (category) the product belongs to ("Beverages"); empty when none is set. Allocation rules select on it.</summary>
    public string ProductLine { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public const int MaxProductLineLength = 64;

    /// <summary>Puts the product in a product line (trimmed; empty for none). Refused (400 <c>product.invalid</c>): more than 64 characters.</summary>
    public void PutInLine(string? productLine)
    {
        var trimmed = productLine?.Trim() ?? "";
        if (trimmed.Length > MaxProductLineLength)
            throw InvalidInput.ForField("productLine", "product.invalid", $"A product line has at most {MaxProductLineLength} characters.");
        ProductLine = trimmed;
    }

    /// <summary>The lowest unit price review accepts without a price hold.</summary>
    public decimal LowestPriceWithoutHold => ListPrice * (1 - MaxDiscountPercent / 100m);

    public static Product Define(string sku, string name, string unit, int unitDecimals, decimal listPrice,
        string currency, decimal taxRate, decimal maxDiscountPercent, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.RequireText("sku", sku, 64);
        errors.RequireText("name", name, 200);
        errors.RequireText("unit", unit, 16);
        if (unitDecimals is < 0 or > QuantityPrecision.MaxDecimals)
            errors.Add("unitDecimals", $"A unit has between 0 and {QuantityPrecision.MaxDecimals} decimals (0 for pieces, 3 for kg).");
        Limits.UnitPriceFits(errors, "listPrice", listPrice);
        if (!Common.Currency.IsKnown(currency))
            errors.Add("currency", $"'{currency}' is not an ISO 4217 currency code Orderly knows (e.g. EUR, USD, CNY).");
        if (taxRate is < 0 or > 1) errors.Add("taxRate", "The tax rate is a fraction between 0 and 1 (0.19 for 19 %).");
        if (maxDiscountPercent is < 0 or > 100) errors.Add("maxDiscountPercent", "The maximum discount is between 0 and 100 %.");
        errors.ThrowIfAny("product.invalid", "The product cannot be defined as sent.");

        return new Product
        {
            Id = ProductId.New(),
            Sku = sku.Trim(),
            Name = name.Trim(),
            Unit = unit.Trim(),
            UnitDecimals = unitDecimals,
            ListPrice = listPrice,
            Currency = currency,
            TaxRate = taxRate,
            MaxDiscountPercent = maxDiscountPercent,
            CreatedAt = now,
        };
    }
}
