using Npgsql;
using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;

namespace Orderly.Application.Tests.Persistence.Postgres;

[Trait("RunsOn", "ItsOwnDatabase")] // about PostgreSQL itself, on the cluster fixture: runs once, with the SQLite pass (tools/test)
[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Every_migration_applies_to_a_fresh_postgresql_database_and_migrating_again_applies_nothing()
    {
        var database = await cluster.NewDatabaseAsync();
        var migrator = new SchemaMigrator(database, DatabaseProvider.PostgreSql);

        migrator.Migrate().Select(m => m.Version).ShouldBe(SchemaMigrator.All.Select(m => m.Version));
        migrator.Migrate().ShouldBeEmpty();

        (await QueryAsync(database, "SELECT version::text FROM schema_migrations ORDER BY schema_migrations.version"))
            .ShouldBe(SchemaMigrator.All.Select(m => m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        (await QueryAsync(database, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).ShouldBe(
        [
            "allocation_rules", "api_tokens", "audit_log", "backorder_links", "backorder_queue", "business_calendars", "business_events", "customer_credit", "customers", "data_protection_keys", "departments", "goods_receipts", "idempotency_keys", "invoice_lines", "invoices",
            "line_reservations", "notifications", "number_sequences", "order_exception_notes", "order_exceptions", "order_history", "order_lines", "order_status_counts", "payments", "products", "promise_refresh_queue",
            "purchase_order_history", "purchase_order_lines", "purchase_orders", "reorder_policies", "sales_orders", "saved_views", "schema_migrations",
            "served_backorders", "shipment_lines", "shipments", "sku_open_demand", "sla_definitions", "stock_alerts", "stock_levels", "stock_movements",
            "supplier_offers", "suppliers", "user_roles", "users", "warehouses", "webhook_attempts", "webhook_deliveries", "webhook_dispatch_position",
            "webhook_subscriptions", "work_backfill_queue", "work_events", "work_items", "work_queue_counts", "work_step_days", "worker_leases",
        ]);
    }

    [Fact]
    public async Task On_postgresql_decimals_are_numeric_ids_uuid_instants_timestamptz_and_the_sort_key_is_generated()
    {
        var database = await cluster.NewDatabaseAsync();
        new SchemaMigrator(database, DatabaseProvider.PostgreSql).Migrate();

        var types = await QueryAsync(database, """
            SELECT table_name || '.' || column_name || ' ' || data_type || coalesce(' ' || numeric_precision || ',' || numeric_scale, '')
                || CASE WHEN is_generated = 'ALWAYS' THEN ' generated' ELSE '' END
            FROM information_schema.columns
            WHERE (table_name, column_name) IN (('stock_levels', 'reserved'), ('customers', 'id'), ('sales_orders', 'received_at'),
                ('sales_orders', 'received_at_utc'), ('invoices', 'is_open'), ('invoices', 'due_on'), ('products', 'tax_rate'), ('invoices', 'total_amount'))
            ORDER BY 1
            """);
        types.ShouldBe(
        [
            "customers.id uuid", "invoices.due_on date", "invoices.is_open boolean", "invoices.total_amount numeric 19,4",
            "products.tax_rate numeric 9,6", "sales_orders.received_at timestamp with time zone",
            "sales_orders.received_at_utc timestamp with time zone generated", "stock_levels.reserved numeric 19,6",
        ]);
    }

    [Fact]
    public async Task On_postgresql_the_stock_check_refuses_more_reserved_than_on_hand_and_composite_keys_hold()
    {
        var database = await cluster.NewDatabaseAsync();
        new SchemaMigrator(database, DatabaseProvider.PostgreSql).Migrate();
        var warehouse = Guid.NewGuid();
        await ExecuteAsync(database, $"""
            INSERT INTO warehouses VALUES ('{warehouse}', 'MAIN', 'Main', 1);
            INSERT INTO products VALUES ('{Guid.NewGuid()}', 'CHAI', 'Chai', 'case', 0, 18, 'EUR', 0.07, 10, now());
            """);

        var overReserved = await Should.ThrowAsync<PostgresException>(() =>
            ExecuteAsync(database, $"INSERT INTO stock_levels VALUES ('{warehouse}', 'CHAI', 12, 12.000001)"));
        overReserved.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        var unknownStock = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(database, $"""
            INSERT INTO stock_movements (warehouse_id, sku, kind, on_hand_change, reserved_change, reference, actor, at)
            VALUES ('{warehouse}', 'CHAI', 'Receipt', 1, 0, 'x', 'y', now())
            """));
        unknownStock.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
