using System.Globalization;

namespace Orderly.Server.Ui;

/// <summary>
/// How pages write numbers: in the page's culture, with the decimals the value carries (the API rounds money to the
/// currency's minor unit and quantities to the unit's decimals, <c>NumberForm</c>), so <c>1234.50</c> EUR is
/// <c>1,234.50 EUR</c> and 3 boxes are <c>3</c>.
/// </summary>
internal static class UiFormat
{
    public static string Money(decimal amount, string currency) => $"{Number(amount)} {currency}";

    public static string Number(decimal value) => value.ToString("N" + value.Scale, CultureInfo.CurrentCulture);

    /// <summary>A customer as lists name it: <c>ALFKI — Alfreds Futterkiste</c>; none is <c>—</c>.</summary>
    public static string Customer(Orderly.Application.Customers.CustomerRef? customer) =>
        customer is { } c ? $"{c.Code} — {c.Name}" : "—";

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d", CultureInfo.CurrentCulture) : "—";

    /// <summary>
    /// A name of the API (an action of a history line, <c>record-payment</c>) in the page's language when the texts have
    /// <paramref name="prefix"/> + name, else the name as the API writes it.
    /// </summary>
    public static string Named(Microsoft.Extensions.Localization.IStringLocalizer texts, string prefix, string name) =>
        texts[prefix + name] is { ResourceNotFound: false } text ? text.Value : name;
}
