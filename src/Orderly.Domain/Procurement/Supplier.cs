using Orderly.Domain.Common;

namespace Orderly.Domain.Procurement;

/// <summary>Someone we buy from. An unavailable supplier is skipped when sourcing, with the reason kept.</summary>
public sealed class Supplier
{
    private Supplier() { }

    public SupplierId Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public bool IsAvailable { get; private set; }
    public string UnavailableReason { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static Supplier Register(string code, string name, string currency, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.RequireText("code", code, 32);
        errors.RequireText("name", name, 200);
        if (!Common.Currency.IsKnown(currency)) errors.Add("currency", $"'{currency}' is not an ISO 4217 currency code Orderly knows.");
        errors.ThrowIfAny("supplier.invalid", "The supplier cannot be registered as sent.");
        return new Supplier { Id = SupplierId.New(), Code = code.Trim(), Name = name.Trim(), Currency = currency, IsAvailable = true, CreatedAt = now };
    }

    public void MarkUnavailable(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw InvalidInput.ForField("reason", "supplier.reason_required", "Say why the supplier is unavailable.");
        IsAvailable = false;
        UnavailableReason = reason.Trim();
    }

    public void MarkAvailable()
    {
        IsAvailable = true;
        UnavailableReason = "";
    }
}
