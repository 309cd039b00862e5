using System.Globalization;

namespace Orderly.Server.Ui;

/// <summary>
/// The fields of the form a page's handler runs for, read from the request (the administration pages' forms: many
/// optional fields and lists of checkboxes). Numbers are read in the invariant culture (<c>1234.5</c>, the form a
/// browser's number field sends); a field that does not read as its type is an error under the field, in
/// <see cref="Errors"/>, and reads as null.
/// </summary>
public sealed class UiForm(IFormCollection form, Func<string, string> notANumber)
{
    /// <summary>The fields that did not read as their type, with the words to show under each.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    internal static async Task<UiForm> OfAsync(HttpContext http, Func<string, string> notANumber) =>
        new(http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty, notANumber);

    /// <summary>The field trimmed, or null when it is absent or blank.</summary>
    public string? Text(string name) => form[name].ToString().Trim() is { Length: > 0 } text ? text : null;

    /// <summary>Every value the field was sent with (a group of checkboxes), blanks left out.</summary>
    public IReadOnlyList<string> All(string name) => [.. form[name].Select(v => v?.Trim() ?? "").Where(v => v.Length > 0)];

    /// <summary>The name of the form that was posted (Blazor's <c>_handler</c> field).</summary>
    public string? Name => Text("_handler");

    /// <summary>Whether a checkbox of that name was sent checked.</summary>
    public bool Checked(string name) => form[name].Count > 0;

    public int? Int(string name) => Parse(name, t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null);

    /// <summary>A decimal written with a point (<c>1234.5</c>, <c>-3</c>); a comma is refused rather than read as a thousands separator.</summary>
    public decimal? Decimal(string name) => Parse(name, t => decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
        CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null);

    /// <summary>The id of the customer whose code the field holds; null when blank, or when no customer has it (an error under the field).</summary>
    public async Task<Guid?> CustomerIdAsync(string name, Application.Customers.CustomerLookup customers, Func<string, string> noCustomer, CancellationToken ct)
    {
        if (Text(name) is not { } code) return null;
        if (await customers.ByCodeAsync(code, ct) is { } found) return found.Id;
        Errors[name] = noCustomer(code);
        return null;
    }

    /// <summary>The dates in the field, written yyyy-MM-dd and separated by commas, spaces or lines; one that does not read is an error under the field.</summary>
    public DateOnly[] Dates(string name, Func<string, string> notADate)
    {
        var dates = new List<DateOnly>();
        foreach (var text in (Text(name) ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) dates.Add(date);
            else Errors[name] = notADate(text);
        }
        return [.. dates];
    }

    public Guid? Id(string name) => Parse(name, t => Guid.TryParse(t, out var v) ? v : (Guid?)null);

    private T? Parse<T>(string name, Func<string, T?> parse) where T : struct
    {
        if (Text(name) is not { } text) return null;
        if (parse(text) is { } value) return value;
        Errors[name] = notANumber(text);
        return null;
    }
}
