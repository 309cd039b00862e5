using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Idempotency keys belong to a caller (X-Actor) and to one operation (method and route template), carry the ETag of the
/// response they replay, and expire (ADR 0006). Keys stored before this version are dropped: they were scoped by route
/// only and hashed without the path, so they cannot be matched under the new rules; a retry of a request sent before the
/// upgrade runs again.
/// </summary>
[Migration(8, "0008_idempotency_keys_per_caller_and_operation")]
public sealed class M0008_IdempotencyKeysPerCallerAndOperation(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Delete.Table("idempotency_keys");

        Create.Table("idempotency_keys")
            .WithColumn("caller").AsString().NotNullable().PrimaryKey()
            .WithColumn("key").AsString().NotNullable().PrimaryKey()
            .WithColumn("operation").AsString().NotNullable()
            .WithColumn("request_hash").AsString().NotNullable()
            .WithColumn("status_code").AsInt32().NotNullable()
            .WithColumn("response_body").AsString().NotNullable()
            .WithColumn("location").AsString().Nullable()
            .WithColumn("etag").AsString().Nullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("expires_at").AsInt64().NotNullable(); // Unix time in milliseconds
        // The purge reads the oldest expired keys first.
        Create.Index("ix_idempotency_keys_expires").OnTable("idempotency_keys").OnColumn("expires_at");
    }
}
