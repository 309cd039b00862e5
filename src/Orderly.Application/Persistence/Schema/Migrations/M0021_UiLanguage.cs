using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>Issue 12: the web UI's language each user chose (<c>users.ui_language</c>: <c>en</c>, <c>zh-CN</c>; null until chosen), ADR 0024.</summary>
[Migration(21, "0021_ui_language")]
public sealed class M0021_UiLanguage(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up() => Alter.Table("users").AddColumn("ui_language").AsString().Nullable();
}
