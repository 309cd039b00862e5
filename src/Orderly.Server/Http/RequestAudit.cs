using System.Security.Claims;
using Orderly.Application.Audit;

namespace Orderly.Server.Http;

/// <summary>Writes a line of the security audit log (<see cref="AuditLog"/>) for this request: its caller and address.</summary>
internal static class RequestAudit
{
    /// <summary>
    /// Records <paramref name="kind"/> (one of <see cref="AuditKinds"/>) about <paramref name="subject"/> (an email; the
    /// signed-in caller's when null) with <paramref name="detail"/> in words, from the request's remote address.
    /// </summary>
    public static Task AuditAsync(this HttpContext http, string kind, string detail, string? subject = null) =>
        http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(kind, subject ?? http.User.FindFirstValue(ClaimTypes.Email) ?? "",
            detail, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
}
