using Orderly.Domain.Common;

namespace Orderly.Application.Common;

/// <summary>Settings under the "Orderly" configuration section.</summary>
public sealed class OrderlyOptions
{
    /// <summary>Midpoint rule for rounding money to the minor unit: AwayFromZero (default) or ToEven.</summary>
    public MidpointRounding MoneyMidpoint { get; set; } = MidpointRounding.AwayFromZero;

    public MoneyRounding Rounding => new(MoneyMidpoint);
}
