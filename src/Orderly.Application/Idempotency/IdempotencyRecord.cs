namespace Orderly.Application.Idempotency;

/// <summary>
/// The first response to a request sent with an Idempotency-Key, kept to replay it on retries until
/// <see cref="ExpiresAt"/>. A key belongs to one caller (the signed-in user's id, ADR 0019) and one operation (method and route template).
/// </summary>
public sealed class IdempotencyRecord
{
    public string Caller { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>Method and route template, e.g. <c>POST /api/orders/{id:guid}/{command}</c>.</summary>
    public string Operation { get; set; } = "";

    /// <summary>SHA-256 (hex) of the request's path and parsed body.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }
    public string ResponseBody { get; set; } = "";
    public string? Location { get; set; }
    public string? Etag { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Unix time in milliseconds after which the key is forgotten (and purged).</summary>
    public long ExpiresAt { get; set; }
}
