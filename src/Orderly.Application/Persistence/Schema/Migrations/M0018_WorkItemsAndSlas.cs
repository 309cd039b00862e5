using System.Data;
using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 11: departments at work. Each order's open steps as work items, with owner, assignee, SLA clock and what blocks
/// them (<c>work_items</c>), what happened to them (<c>work_events</c>), the SLA definitions, business calendars and
/// department settings they are timed by, the people's capacity, and the notification inbox. Every query of the queues,
/// the SLA watch and the per-order view has its index here; the open-item indexes are partial (<c>done_at IS NULL</c>)
/// so they stay the size of the open work, not of the history.
/// </summary>
[Migration(18, "0018_work_items_and_slas")]
public sealed class M0018_WorkItemsAndSlas(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("work_items")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("sales_orders", "id")
            .WithColumn("order_number").AsString().NotNullable()
            .WithColumn("customer_id").AsCustom(Dialect.Id).NotNullable()
            // an OrderStep by name (Review, ConfirmWithCustomer, ResolveException, …)
            .WithColumn("step").AsString().NotNullable()
            // the owning department's role name (warehouse)
            .WithColumn("department").AsString().NotNullable()
            .WithColumn("priority").AsInt32().NotNullable()
            .WithColumn("exception_id").AsInt64().Nullable()
            .WithColumn("assignee_id").AsCustom(Dialect.Id).Nullable().ForeignKey("users", "id")
            .WithColumn("assigned_at").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("assignment_reason").AsString().NotNullable()
            .WithColumn("started_at").AsCustom(Dialect.SortableInstant).NotNullable()
            .WithColumn("done_at").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("done_by").AsString().NotNullable()
            .WithColumn("calendar_code").AsString().NotNullable()
            // the SLA's working minutes (null: no time limit) and shares, copied when the step opened
            .WithColumn("budget_minutes").AsInt32().Nullable()
            .WithColumn("warning_share").AsCustom(Dialect.Rate).NotNullable()
            .WithColumn("management_share").AsCustom(Dialect.Rate).NotNullable()
            // working seconds before the current run; the run's start (null while paused or done)
            .WithColumn("worked_seconds").AsInt64().NotNullable()
            .WithColumn("running_since").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("waiting_on").AsString().Nullable()
            .WithColumn("waiting_note").AsString().NotNullable()
            .WithColumn("warn_at").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("due_at").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("management_at").AsCustom(Dialect.SortableInstant).Nullable()
            // the due time the queues sort by (9999-12-31 without an SLA)
            .WithColumn("sort_due_at").AsCustom(Dialect.SortableInstant).NotNullable()
            .WithColumn("next_check_at").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("warned_at").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("breached_at").AsCustom(Dialect.SortableInstant).Nullable()
            .WithColumn("escalation_level").AsInt32().NotNullable()
            .WithColumn("blocked_by").AsString().NotNullable();
        // every save: the items of the saved orders (a handful each, the open ones kept); the per-order view
        Create.Index("ix_work_items_order").OnTable("work_items").OnColumn("order_id").Ascending().OnColumn("id").Ascending();
        // the queues, most urgent first: a department's, a person's (and their load), the unassigned
        Execute.Sql("CREATE INDEX ix_work_items_department_queue ON work_items (department, sort_due_at, priority, id) WHERE done_at IS NULL");
        Execute.Sql("CREATE INDEX ix_work_items_assignee_queue ON work_items (assignee_id, sort_due_at, priority, id) WHERE done_at IS NULL");
        Execute.Sql("CREATE INDEX ix_work_items_unassigned_queue ON work_items (department, sort_due_at, priority, id) WHERE done_at IS NULL AND assignee_id IS NULL");
        // the SLA watch: the next mark come due
        Execute.Sql("CREATE INDEX ix_work_items_next_check ON work_items (next_check_at) WHERE next_check_at IS NOT NULL");
        // the process figures: items done in a date range
        Create.Index("ix_work_items_done").OnTable("work_items").OnColumn("done_at").Ascending();

        Create.Table("work_events")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("work_item_id").AsInt64().NotNullable().ForeignKey("work_items", "id")
            .WithColumn("order_id").AsCustom(Dialect.Id).NotNullable()
            // started, assigned, claimed, released, paused, resumed, warned, breached, escalated, done
            .WithColumn("kind").AsString().NotNullable()
            .WithColumn("at").AsCustom(Dialect.SortableInstant).NotNullable()
            .WithColumn("actor").AsString().NotNullable()
            .WithColumn("detail").AsString().NotNullable();
        Create.Index("ix_work_events_order").OnTable("work_events").OnColumn("order_id").Ascending().OnColumn("id").Ascending();
        // the process figures: breaches in a date range
        Create.Index("ix_work_events_kind_at").OnTable("work_events").OnColumn("kind").Ascending().OnColumn("at").Ascending();

        Create.Table("sla_definitions")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("step").AsString().NotNullable()
            .WithColumn("customer_id").AsCustom(Dialect.Id).Nullable().ForeignKey("customers", "id")
            .WithColumn("priority").AsInt32().Nullable()
            .WithColumn("budget_minutes").AsInt32().NotNullable()
            .WithColumn("warning_share").AsCustom(Dialect.Rate).NotNullable()
            .WithColumn("management_share").AsCustom(Dialect.Rate).NotNullable()
            .WithColumn("calendar_code").AsString().Nullable()
            .WithColumn("updated_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("updated_by").AsString().NotNullable();

        Create.Table("business_calendars")
            .WithColumn("code").AsString().NotNullable().PrimaryKey()
            .WithColumn("name").AsString().NotNullable()
            .WithColumn("time_zone").AsString().NotNullable()
            // JSON: the working hours per weekday, the holidays and the extra working days (CalendarDefinition)
            .WithColumn("definition").AsString().NotNullable()
            .WithColumn("updated_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("updated_by").AsString().NotNullable();

        Create.Table("departments")
            .WithColumn("name").AsString().NotNullable().PrimaryKey()
            .WithColumn("lead_id").AsCustom(Dialect.Id).Nullable().ForeignKey("users", "id")
            .WithColumn("calendar_code").AsString().Nullable()
            .WithColumn("updated_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("updated_by").AsString().NotNullable();

        // capacity: the open work items a person takes at once
        Alter.Table("users").AddColumn("work_capacity").AsInt32().NotNullable().WithDefaultValue(10);
        // the people of a department: the users holding its role
        Create.Index("ix_user_roles_role").OnTable("user_roles").OnColumn("role").Ascending().OnColumn("user_id").Ascending();

        Create.Table("notifications")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("users", "id").OnDelete(Rule.Cascade)
            .WithColumn("kind").AsString().NotNullable()
            .WithColumn("order_id").AsCustom(Dialect.Id).Nullable()
            .WithColumn("order_number").AsString().NotNullable()
            .WithColumn("text").AsString().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.SortableInstant).NotNullable()
            .WithColumn("read_at").AsCustom(Dialect.SortableInstant).Nullable();
        Create.Index("ix_notifications_user").OnTable("notifications").OnColumn("user_id").Ascending().OnColumn("id").Ascending();
        Execute.Sql("CREATE INDEX ix_notifications_user_unread ON notifications (user_id, id) WHERE read_at IS NULL");
    }
}
