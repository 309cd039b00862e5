using System.Globalization;
using System.Text;
using Orderly.Domain.Common;

namespace Orderly.Application.Sales;

/// <summary>
/// Where a page of the order list ended: the sort key (order date in UTC, order number) of its last order. Clients see
/// it as an opaque base64url string (<c>nextCursor</c>) and send it back unchanged as <c>?cursor=</c>; the next page
/// holds the orders strictly after it in the list's order (newest first).
/// </summary>
internal sealed record OrderListCursor(DateTime ReceivedAtUtc, string Number)
{
    public const string InvalidCode = "order.cursor_invalid";
    private const string Version = "o1";
    private const int MaxNumberLength = 64;

    public string Encode()
    {
        var text = string.Join('|', Version, ReceivedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture), Number);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor made by <see cref="Encode"/>; anything else is a 400 <c>order.cursor_invalid</c>.</summary>
    public static OrderListCursor Decode(string cursor)
    {
        var parts = TryText(cursor.Trim())?.Split('|', 3);
        if (parts is not [Version, var ticksText, var number]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || number.Length is 0 or > MaxNumberLength)
            throw InvalidInput.ForField("cursor", InvalidCode,
                "The cursor is not one this list issued. Pass the nextCursor of the previous page unchanged, " +
                "or leave cursor out to start again from the newest order.");
        return new OrderListCursor(new DateTime(ticks, DateTimeKind.Utc), number); // UTC: Npgsql writes only UTC instants to timestamptz
    }

    private static string? TryText(string base64Url)
    {
        if (base64Url.Length is 0 or > 200) return null;
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var length)) return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
