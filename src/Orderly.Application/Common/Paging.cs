using Orderly.Domain.Common;

namespace Orderly.Application.Common;

/// <summary>
/// One page of a list: <see cref="Number"/> from 1, <see cref="Size"/> items. <see cref="Skip"/> is the number of items
/// before the page, and always fits an <see cref="int"/>.
/// </summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public int Skip => (Number - 1) * Size;
}

/// <summary>
/// The one place where the paging parameters of every list are checked (<c>page</c>, <c>pageSize</c>, <c>limit</c>).
/// Each problem is added to the caller's <see cref="FieldErrors"/> under the parameter's name, so the list refuses
/// them all at once with its own code (400). A page whose offset would not fit a 32-bit integer
/// (<c>page=2147483647</c>) is refused instead of overflowing into another page.
/// </summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>The page asked for, or <c>page</c>/<c>pageSize</c> errors; absent values are page 1 of <paramref name="defaultSize"/>.</summary>
    public static PageRequest Page(int? page, int? pageSize, FieldErrors errors, string items, int defaultSize = 50)
    {
        var number = page ?? 1;
        var size = pageSize ?? defaultSize;
        var ok = true;
        if (number < 1) ok = Refuse(errors, "page", "Pages start at 1.");
        if (size is < 1 or > MaxPageSize) ok = Refuse(errors, "pageSize", $"A page holds 1 to {MaxPageSize} {items}.");
        else if ((long)(number - 1) * size > int.MaxValue)
            ok = Refuse(errors, "page", $"Page {number} of {size} {items} lies beyond any list; ask for a lower page, or narrow the filters.");
        return ok ? new PageRequest(number, size) : new PageRequest(1, defaultSize);
    }

    /// <summary>How many of the newest items to return (<c>limit</c>, 1 to <paramref name="max"/>), or a <c>limit</c> error.</summary>
    public static int Limit(int? limit, int defaultLimit, int max, FieldErrors errors, string items)
    {
        var value = limit ?? defaultLimit;
        return value >= 1 && value <= max || Refuse(errors, "limit", $"'limit' is 1 to {max} {items}; {value} is outside.") ? value : defaultLimit;
    }

    /// <summary>
    /// The id in a cursor of a list read by id (<c>nextCursor</c> of the event stream, of a webhook's deliveries): digits
    /// only, at most 19 of them; null when absent. Anything else is <paramref name="message"/> under <paramref name="field"/>.
    /// </summary>
    public static long? IdCursor(string? cursor, string field, FieldErrors errors, string message)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        if (cursor.Length <= 19 && cursor.All(char.IsAsciiDigit)
            && long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return id;
        errors.Add(field, message);
        return null;
    }

    private static bool Refuse(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return false;
    }
}
