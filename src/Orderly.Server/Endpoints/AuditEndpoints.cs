using Orderly.Application.Audit;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>The security audit log for administrators (issue 10 item 6).</summary>
internal static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("/", (string? before, string? kind, int? limit, AuditLog log, CancellationToken ct) => log.ReadAsync(before, kind, limit, ct))
            .WithName("ReadAuditLog").WithSummary("Read the security audit log")
            .WithDescription("Sign-ins and their failures and lockouts, permission refusals, tokens made and revoked, users made and changed: " +
                             "newest first, ?limit= lines a page (1 to 200, default 50), ?kind= one kind only (sign_in.succeeded, sign_in.failed, " +
                             "sign_in.locked_out, sign_out, permission.refused, token.created, token.revoked, user.created, user.changed). Send a " +
                             "page's nextCursor back as ?before= to read older lines; it is null on the last page. Text is shown as it was given. " +
                             "A bad cursor, kind or limit is a 400 audit.query_invalid naming the parameter.")
            .ProducesProblem(400).Requires(PermissionTable.AuditRead);
    }
}
