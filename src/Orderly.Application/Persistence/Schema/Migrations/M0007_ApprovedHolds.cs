using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// The review holds approvals have overridden since an order was last edited ("Price,Credit"), so that approving one hold
/// re-evaluates every other review rule without undoing earlier approvals (issue #8).
/// </summary>
[Migration(7, "0007_approved_holds")]
public sealed class M0007_ApprovedHolds(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up() =>
        Alter.Table("sales_orders").AddColumn("approved_holds").AsString().NotNullable().WithDefaultValue("");
}
