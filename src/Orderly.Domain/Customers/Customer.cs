using Orderly.Domain.Common;

namespace Orderly.Domain.Customers;

/// <summary>A customer we sell to on credit: what it may owe us and how long it has to pay.</summary>
public sealed class Customer
{
    private Customer() { }

    public CustomerId Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal CreditLimit { get; private set; }
    public int PaymentTermsDays { get; private set; }
    /// <summary>The warehouse this customer is served from when several could fill a line equally well.</summary>
    public WarehouseId? PreferredWarehouseId { get; private set; }
    /// <summary>The sales region the customer belongs to ("East", "华东"); empty when none is set. Allocation rules select on it.</summary>
    public string Region { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static Customer Register(string code, string name, string currency, decimal creditLimit,
        int paymentTermsDays, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.RequireText("code", code, 32);
        errors.RequireText("name", name, 200);
        if (!Common.Currency.IsKnown(currency))
            errors.Add("currency", $"'{currency}' is not an ISO 4217 currency code Orderly knows (e.g. EUR, USD, CNY).");
        Limits.AmountFits(errors, "creditLimit", creditLimit, "The credit limit (0 for cash-only customers)");
        if (paymentTermsDays is < 0 or > Limits.MaxPaymentTermsDays)
            errors.Add("paymentTermsDays", $"Payment terms are between 0 and {Limits.MaxPaymentTermsDays} days.");
        errors.ThrowIfAny("customer.invalid", "The customer cannot be registered as sent.");

        return new Customer
        {
            Id = CustomerId.New(),
            Code = code.Trim(),
            Name = name.Trim(),
            Currency = currency,
            CreditLimit = creditLimit,
            PaymentTermsDays = paymentTermsDays,
            CreatedAt = now,
        };
    }

    public void PreferWarehouse(WarehouseId? warehouse) => PreferredWarehouseId = warehouse;

    /// <summary>Places the customer in a sales region (trimmed; empty for none). Refused (400 <c>customer.invalid</c>): more than 64 characters.</summary>
    public void PlaceInRegion(string? region)
    {
        var trimmed = region?.Trim() ?? "";
        if (trimmed.Length > MaxRegionLength) throw InvalidInput.ForField("region", "customer.invalid", $"A region has at most {MaxRegionLength} characters.");
        Region = trimmed;
    }

    public const int MaxRegionLength = 64;
}
