using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 12 "Orders": search the order book by SKU a page at a time, and each user's saved views of the list.
/// <list type="bullet">
/// <item><c>order_lines.received_at_utc</c> and <c>order_lines.order_number</c>: the order's sort key copied onto its
/// lines (an order's date and number never change), so that <c>ix_order_lines_sku_received</c> (sku, then the sort key)
/// lists the orders of a SKU newest first as a range read, however many orders hold the SKU. Existing lines are filled
/// from their orders here; EF Core writes them for new lines (<see cref="OrderLineSortKeys"/>).</item>
/// <item><c>saved_views</c>: a user's named filters of the order list (the query string), unique per user and name.</item>
/// </list>
/// </summary>
[Migration(22, "0022_order_search")]
public sealed class M0022_OrderSearch(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Alter.Table("order_lines").AddColumn("received_at_utc").AsCustom(Dialect.SortableInstant).Nullable();
        Alter.Table("order_lines").AddColumn("order_number").AsString().Nullable();
        Execute.Sql("UPDATE order_lines SET received_at_utc = (SELECT o.received_at_utc FROM sales_orders o WHERE o.id = order_lines.order_id), "
                    + "order_number = (SELECT o.number FROM sales_orders o WHERE o.id = order_lines.order_id)");
        Create.Index("ix_order_lines_sku_received").OnTable("order_lines")
            .OnColumn("sku").Ascending().OnColumn("received_at_utc").Ascending().OnColumn("order_number").Ascending();

        Create.Table("saved_views")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("user_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("users", "id")
            .WithColumn("name").AsString().NotNullable()
            .WithColumn("query").AsString().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable();
        Create.Index("ux_saved_views_user_name").OnTable("saved_views").OnColumn("user_id").Ascending().OnColumn("name").Ascending()
            .WithOptions().Unique();
    }
}
