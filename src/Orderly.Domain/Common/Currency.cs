namespace Orderly.Domain.Common;

/// <summary>An ISO 4217 currency with the number of decimals of its minor unit.</summary>
public sealed record Currency
{
    // Minor units from ISO 4217; currencies not listed here are refused rather than guessed.
    private static readonly Dictionary<string, int> MinorUnitsByCode = new(StringComparer.Ordinal)
    {
        ["AED"] = 2, ["AUD"] = 2, ["BHD"] = 3, ["BRL"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CLP"] = 0,
        ["CNY"] = 2, ["CZK"] = 2, ["DKK"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["HKD"] = 2, ["HUF"] = 2,
        ["IDR"] = 2, ["ILS"] = 2, ["INR"] = 2, ["ISK"] = 0, ["JOD"] = 3, ["JPY"] = 0, ["KRW"] = 0,
        ["KWD"] = 3, ["MXN"] = 2, ["MYR"] = 2, ["NOK"] = 2, ["NZD"] = 2, ["OMR"] = 3, ["PHP"] = 2,
        ["PLN"] = 2, ["RUB"] = 2, ["SAR"] = 2, ["SEK"] = 2, ["SGD"] = 2, ["THB"] = 2, ["TND"] = 3,
        ["TRY"] = 2, ["TWD"] = 2, ["UGX"] = 0, ["USD"] = 2, ["VND"] = 0, ["ZAR"] = 2,
    };

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    public string Code { get; }

    /// <summary>Decimals of the minor unit: 2 for EUR (cents), 0 for JPY, 3 for KWD.</summary>
    public int MinorUnits { get; }

    /// <summary>Every code Orderly knows, in alphabetical order (the OpenAPI document lists them).</summary>
    public static IReadOnlyList<string> KnownCodes { get; } = MinorUnitsByCode.Keys.Order(StringComparer.Ordinal).ToList();

    public static bool IsKnown(string? code) => code is not null && MinorUnitsByCode.ContainsKey(code);

    public static Currency Of(string code) =>
        MinorUnitsByCode.TryGetValue(code, out var minor)
            ? new Currency(code, minor)
            : throw InvalidInput.ForField("currency", "currency.unknown",
                $"'{code}' is not an ISO 4217 currency code Orderly knows (e.g. EUR, USD, CNY, JPY).");

    public override string ToString() => Code;
}
