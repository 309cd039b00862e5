using System.Globalization;
using Orderly.Domain.Common;

namespace Orderly.Server.Http;

/// <summary>What every mutating endpoint reads from the request besides its body: who acts, and which version they saw.</summary>
internal static class RequestContext
{
    public const string ActorHeader = "X-Actor";
    public const string DefaultActor = "api";
    private const int MaxActorLength = 100;

    /// <summary>
    /// The person or system acting, from <c>X-Actor</c> (at most 100 characters of UTF-8 text, default "api"); recorded in
    /// history and the stock ledger, and the caller an Idempotency-Key belongs to. Else 400 <c>request.actor_invalid</c>.
    /// </summary>
    public static string Actor(this HttpRequest request)
    {
        var actor = request.Headers[ActorHeader].ToString().Trim();
        if (actor.Length > MaxActorLength)
            throw InvalidInput.ForField(ActorHeader, "request.actor_invalid", $"{ActorHeader} is at most {MaxActorLength} characters.");
        if (actor.Any(c => char.IsControl(c) || c == '\uFFFD'))
            throw InvalidInput.ForField(ActorHeader, "request.actor_invalid",
                $"{ActorHeader} must be readable text in UTF-8, without control characters; it is recorded in the history.");
        return actor.Length == 0 ? DefaultActor : actor;
    }

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
