using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 10: the ASP.NET Core Data Protection key ring that protects the session cookie and the antiforgery tokens, kept in
/// the database so that every instance on it, and a restarted one, reads the cookies the others issued (ADR 0022). The
/// columns are the library's <c>DataProtectionKey</c>: the key's id as text and its XML element (not encrypted at rest).
/// </summary>
[Migration(17, "0017_data_protection_keys")]
public sealed class M0017_DataProtectionKeys(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up() =>
        Create.Table("data_protection_keys")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey().Identity()
            .WithColumn("friendly_name").AsString().Nullable()
            .WithColumn("xml").AsString().Nullable();
}
