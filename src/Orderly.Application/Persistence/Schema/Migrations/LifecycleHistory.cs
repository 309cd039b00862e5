using FluentMigrator.Builders.Create.Table;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// The columns every lifecycle's history table has (order_history in migration 2, purchase_order_history in 4): when,
/// who, which command, from which status to which, and why. Shipped migrations call this: never change it; a change of
/// those tables is a new migration.
/// </summary>
internal static class LifecycleHistory
{
    public static ICreateTableColumnOptionOrWithColumnSyntax WithHistoryEntry(this ICreateTableWithColumnSyntax table, SchemaDialect dialect) =>
        table.WithColumn("at").AsCustom(dialect.Instant).NotNullable()
            .WithColumn("actor").AsString().NotNullable()
            .WithColumn("action").AsString().NotNullable()
            .WithColumn("from_status").AsString().Nullable()
            .WithColumn("to_status").AsString().NotNullable()
            .WithColumn("reason").AsString().NotNullable();
}
