using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 11 items 8 and 5: the process figures' own tables, kept by every save (<c>Workflow/WorkTallies</c>) so that
/// <c>GET /api/insights/process</c> reads a bounded number of rows: open work per department and step
/// (<c>work_queue_counts</c>) and the steps done per business day, step and bucket of working time
/// (<c>work_step_days</c>); the index that finds each department's oldest open item; and the queue of the orders saved
/// before migration 0018 whose steps <c>Workflow/WorkBackfill</c> still has to open (<c>work_backfill_queue</c>); the
/// exceptions on orders with their notes (<c>order_exceptions</c>, <c>order_exception_notes</c>). The
/// tallies start at zero: they count the work items, which the backfill opens through a save like any other.
/// </summary>
[Migration(19, "0019_work_figures_exceptions")]
public sealed class M0019_WorkFigures(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("work_queue_counts")
            .WithColumn("department").AsString().NotNullable().PrimaryKey()
            .WithColumn("step").AsString().NotNullable().PrimaryKey()
            .WithColumn("open_items").AsInt64().NotNullable()
            .WithColumn("unassigned").AsInt64().NotNullable()
            .WithColumn("breached").AsInt64().NotNullable();

        Create.Table("work_step_days")
            .WithColumn("day").AsCustom(Dialect.Day).NotNullable().PrimaryKey()
            .WithColumn("step").AsString().NotNullable().PrimaryKey()
            // a TimeInStep bucket of the working time the step took
            .WithColumn("bucket").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("department").AsString().NotNullable()
            .WithColumn("done").AsInt64().NotNullable()
            .WithColumn("with_sla").AsInt64().NotNullable()
            .WithColumn("met").AsInt64().NotNullable()
            .WithColumn("worked_seconds").AsInt64().NotNullable();

        // the process figures: each department's oldest open item
        Execute.Sql("CREATE INDEX ix_work_items_department_age ON work_items (department, started_at) WHERE done_at IS NULL");

        // exceptions on orders (issue 11 item 5) and their notes: an order's, and the open ones per department
        Create.Table("order_exceptions")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("sales_orders", "id")
            .WithColumn("order_number").AsString().NotNullable()
            // an ExceptionType and an ExceptionSeverity by name (LateSupplier, High)
            .WithColumn("type").AsString().NotNullable()
            .WithColumn("severity").AsString().NotNullable()
            .WithColumn("department").AsString().NotNullable()
            .WithColumn("description").AsString().NotNullable()
            .WithColumn("purchase_order_id").AsCustom(Dialect.Id).Nullable()
            .WithColumn("shipment_id").AsCustom(Dialect.Id).Nullable()
            .WithColumn("raised_at").AsCustom(Dialect.SortableInstant).NotNullable()
            .WithColumn("raised_by").AsString().NotNullable()
            .WithColumn("resolution").AsString().NotNullable()
            .WithColumn("resolved_at").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("resolved_by").AsString().NotNullable();
        Create.Index("ix_order_exceptions_order").OnTable("order_exceptions").OnColumn("order_id").Ascending().OnColumn("id").Ascending();
        Execute.Sql("CREATE INDEX ix_order_exceptions_open ON order_exceptions (department, id) WHERE resolved_at IS NULL");
        Create.Table("order_exception_notes")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("exception_id").AsInt64().NotNullable().ForeignKey("order_exceptions", "id")
            .WithColumn("at").AsCustom(Dialect.SortableInstant).NotNullable()
            .WithColumn("actor").AsString().NotNullable()
            .WithColumn("text").AsString().NotNullable();
        Create.Index("ix_order_exception_notes_exception").OnTable("order_exception_notes").OnColumn("exception_id").Ascending().OnColumn("id").Ascending();
        // the work item that resolves an exception
        Execute.Sql("CREATE INDEX ix_work_items_exception ON work_items (exception_id) WHERE exception_id IS NOT NULL");

        // the orders saved before migration 0018 that are not final: WorkBackfill opens their steps, a batch at a time
        Create.Table("work_backfill_queue").WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey();
        Execute.Sql("INSERT INTO work_backfill_queue (order_id) SELECT s.id FROM sales_orders s WHERE s.status NOT IN ('Closed', 'Cancelled', 'Rejected') "
            + "AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.order_id = s.id)");
    }
}
