using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 10 item 6: the security audit log — sign-ins (and their failures and lockouts), permission refusals, tokens made
/// and revoked, users made and their roles changed (<see cref="Audit.AuditLog"/>). Append-only; read newest first by id,
/// alone or of one kind, so the key and <c>(kind, id)</c> are the indexes it needs. (Migration 15 is the sign-in work's.)
/// </summary>
[Migration(16, "0016_audit_log")]
public sealed class M0016_AuditLog(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("audit_log")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("occurred_at").AsCustom(Dialect.Instant).NotNullable()
            // one of AuditKinds: sign_in.succeeded, permission.refused, …
            .WithColumn("kind").AsString().NotNullable()
            // who: the user's email, a token's owner and name, or the email tried at a failed sign-in (as typed)
            .WithColumn("subject").AsString().NotNullable()
            // what, in words: the permission refused and the route, the roles given, the token's name
            .WithColumn("detail").AsString().NotNullable()
            // the client's IP address as the server saw it; '' when unknown
            .WithColumn("address").AsString().NotNullable();
        Create.Index("ix_audit_log_kind").OnTable("audit_log").OnColumn("kind").Ascending().OnColumn("id").Ascending();
    }
}
