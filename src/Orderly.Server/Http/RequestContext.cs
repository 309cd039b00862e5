using System.Globalization;
using Orderly.Domain.Common;
using Orderly.Server.People;

namespace Orderly.Server.Http;

/// <summary>What every mutating endpoint reads from the request besides its body: who acts (the signed-in user), and which version they saw.</summary>
internal static class RequestContext
{
    /// <summary>
    /// Who acts: the signed-in user's email (ADR 0019), recorded in history, the stock ledger, purchase orders, alerts
    /// and events. Every endpoint that calls it requires a signed-in user (the fallback policy), so an anonymous request
    /// never gets here.
    /// </summary>
    public static string Actor(this HttpRequest request) => request.HttpContext.User.Email();

    /// <summary>The version named by <c>If-Match</c> (<c>"3"</c> or <c>W/"3"</c>); null when absent or <c>*</c>.</summary>
    public static int? ExpectedVersion(this HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*") return null;
        var tag = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        if (tag.Length >= 2 && tag[0] == '"' && tag[^1] == '"'
            && int.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            return version;
        throw InvalidInput.ForField("If-Match", "request.if_match_invalid",
            $"If-Match must be the ETag of the order as read (for example \"3\"), not {value}.");
    }

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static string? IdempotencyKey(this HttpRequest request) =>
        request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null;
}
