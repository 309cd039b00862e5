using Orderly.Domain.Common;
using Orderly.Domain.Inventory;

namespace Orderly.Application.Common;

/// <summary>Settings under the "Orderly" configuration section.</summary>
public sealed class OrderlyOptions
{
    /// <summary>Midpoint rule for rounding money to the minor unit: AwayFromZero (default) or ToEven.</summary>
    public MidpointRounding MoneyMidpoint { get; set; } = MidpointRounding.AwayFromZero;

    public MoneyRounding Rounding => new(MoneyMidpoint);

    /// <summary>How a line's quantity is spread over warehouses: FillMost (default) or Priority.</summary>
    public SourcingStrategy Sourcing { get; set; } = SourcingStrategy.FillMost;
}
