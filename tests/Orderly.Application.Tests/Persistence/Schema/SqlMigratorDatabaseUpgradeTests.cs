using Microsoft.Data.Sqlite;
using Orderly.Application.Persistence.Schema;
using Orderly.Application.Sales;

namespace Orderly.Application.Tests.Persistence.Schema;

/// <summary>A database the SQL migrator left at its last version (11), with a row in every table, upgraded by the C# migrations in place.</summary>
[Trait("RunsOn", "ItsOwnDatabase")] // SQLite databases of the old SQL migrator (tools/test)
public sealed class SqlMigratorDatabaseUpgradeTests
{
    private const string Warehouse = "0193A1B2-0000-7000-8000-000000000001", Product = "0193A1B2-0000-7000-8000-000000000002",
        Customer = "0193A1B2-0000-7000-8000-000000000003", Order = "0193A1B2-0000-7000-8000-000000000004",
        Shipment = "0193A1B2-0000-7000-8000-000000000005", Invoice = "0193A1B2-0000-7000-8000-000000000006",
        Supplier = "0193A1B2-0000-7000-8000-000000000007", PurchaseOrder = "0193A1B2-0000-7000-8000-000000000008",
        Alert = "0193A1B2-0000-7000-8000-000000000009";

    private const string At = "2026-11-20 09:00:00+00:00";

    /// <summary>One row per table, as version 11 wrote them (EF Core's SQLite text forms).</summary>
    private const string EveryTable = $"""
        INSERT INTO warehouses VALUES ('{Warehouse}', 'MAIN', 'Main', 1);
        INSERT INTO products VALUES ('{Product}', 'CHAI', 'Chai', 'case', 0, '18.0', 'EUR', '0.07', '10.0', '{At}');
        INSERT INTO customers VALUES ('{Customer}', 'ALFKI', 'Alfreds', 'EUR', '10000.0', 30, '{At}', '{Warehouse}');
        INSERT INTO stock_levels VALUES ('{Warehouse}', 'CHAI', '12.0', '5.0');
        INSERT INTO stock_movements (warehouse_id, sku, kind, on_hand_change, reserved_change, order_id, reference, actor, at)
            VALUES ('{Warehouse}', 'CHAI', 'Receipt', '12.0', '0.0', NULL, 'opening', 'v10', '{At}');
        INSERT INTO number_sequences VALUES ('SO', 2026, 2);
        INSERT INTO sales_orders (id, number, customer_id, currency, status, hold_reason, hold_note, requested_date, note, invoiced_amount,
            paid_amount, received_at, updated_at, version, priority, approved_holds, credit_exposure)
            VALUES ('{Order}', 'SO-2026-000001', '{Customer}', 'EUR', 'PartiallyInvoiced', NULL, '', '2026-12-01', 'gift wrap', '96.3', '50.0',
                '{At}', '{At}', 7, 2, 'Price', '0.0');
        INSERT INTO order_lines VALUES ('{Order}', 1, '{Product}', 'CHAI', 'Chai', 'case', 0, '5.0', '18.0', '18.0', '10.0', '0.07', '5.0',
            '5.0', '5.0', '2026-11-21', 'in stock', 1);
        INSERT INTO line_reservations (order_id, line_no, warehouse_id, sku, quantity, reserved_at, reason)
            VALUES ('{Order}', 1, '{Warehouse}', 'CHAI', '5.0', '{At}', 'MAIN fills the line');
        INSERT INTO order_history (order_id, at, actor, action, from_status, to_status, reason)
            VALUES ('{Order}', '{At}', 'v10', 'reserve', 'Confirmed', 'Fulfilling', 'Reserved 5.');
        INSERT INTO shipments VALUES ('{Shipment}', 'SH-2026-000001', '{Order}', '{At}', 'bob');
        INSERT INTO shipment_lines (shipment_id, order_line_no, warehouse_id, sku, quantity) VALUES ('{Shipment}', 1, '{Warehouse}', 'CHAI', '5.0');
        INSERT INTO invoices VALUES ('{Invoice}', 'IN-2026-000001', '{Order}', '{Customer}', 'EUR', '2026-11-20', '2026-12-20', '90.0', '6.3',
            '96.3', '50.0', '{At}', 1);
        INSERT INTO invoice_lines VALUES ('{Invoice}', 1, 'CHAI', 'Chai', '5.0', '18.0', '0.07', '90.0', '6.3', '96.3');
        INSERT INTO payments (invoice_id, amount, received_on, reference, recorded_by, recorded_at)
            VALUES ('{Invoice}', '50.0', '2026-11-20', 'bank 1', 'carol', '{At}');
        INSERT INTO idempotency_keys VALUES ('alice', 'k1', 'POST /api/orders', 'hash', 201, '{"{}"}', '/api/orders/1', '"1"', '{At}', 1893456000000);
        INSERT INTO suppliers VALUES ('{Supplier}', 'PRIME', 'Prime', 'EUR', 1, '', '{At}');
        INSERT INTO supplier_offers (supplier_id, sku, unit_price, currency, lead_time_days, minimum_order_quantity, rank)
            VALUES ('{Supplier}', 'CHAI', '9.0', 'EUR', 10, '1.0', 1);
        INSERT INTO purchase_orders VALUES ('{PurchaseOrder}', 'PO-2026-000001', '{Supplier}', '{Warehouse}', 'EUR', 'PartiallyReceived',
            '2026-11-30', '2026-11-29', 'scan', '{At}', '{At}', 3);
        INSERT INTO purchase_order_lines VALUES ('{PurchaseOrder}', 1, 'CHAI', '20.0', '5.0', '9.0');
        INSERT INTO purchase_order_history (purchase_order_id, at, actor, action, from_status, to_status, reason)
            VALUES ('{PurchaseOrder}', '{At}', 'v10', 'receive', 'Sent', 'PartiallyReceived', 'Received 5.');
        INSERT INTO goods_receipts (purchase_order_id, line_no, warehouse_id, sku, quantity, reference, received_by, received_at)
            VALUES ('{PurchaseOrder}', 1, '{Warehouse}', 'CHAI', '5.0', 'DN-1', 'bob', '{At}');
        INSERT INTO backorder_links (order_id, order_line_no, purchase_order_id, purchase_order_line_no, quantity, linked_at)
            VALUES ('{Order}', 1, '{PurchaseOrder}', 1, '5.0', '{At}');
        INSERT INTO reorder_policies VALUES ('{Warehouse}', 'CHAI', '10.0', '2.0', '20.0', NULL, '{At}');
        INSERT INTO stock_alerts VALUES ('{Alert}', 'LowStock', 'Open', 'low:MAIN:CHAI', '{Warehouse}', 'CHAI', NULL, '{PurchaseOrder}',
            'CHAI is low in MAIN', '{At}', NULL, NULL, NULL, NULL, NULL);
        INSERT INTO promise_refresh_queue VALUES ('CHAI', 1763629200000, 3);
        INSERT INTO sku_open_demand VALUES ('CHAI', '0.0', '{At}');
        INSERT INTO customer_credit VALUES ('{Customer}', '0.0', '46.3');
        INSERT INTO served_backorders (order_id, order_line_no, purchase_order_id, purchase_order_line_no, goods_receipt_id, quantity, served_at)
            VALUES ('{Order}', 1, '{PurchaseOrder}', 1, 1, '5.0', '{At}');
        INSERT INTO backorder_queue VALUES ('{Order}', 1, 'CHAI', 2, '9999-12-31', '2026-11-20 08:00:00', 'SO-2026-000001');
        """;

    [Fact]
    public async Task The_last_database_of_the_sql_migrator_keeps_every_row_and_is_current_after_the_start()
    {
        Dictionary<string, string> columns = [];
        Dictionary<string, List<string>> before = [];
        var (database, applied) = await TestDatabase.StartedOnAsync(connectionString =>
        {
            SqlScriptsBefore0014.Apply(connectionString);
            Execute(connectionString, EveryTable);
            columns = Query(connectionString, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations', 'sqlite_sequence')")
                .ToDictionary(table => table, table => string.Join(", ", Query(connectionString, $"SELECT name FROM pragma_table_info('{table}')")));
            before = Contents(connectionString, columns);
        });
        await using var _ = database;
        before.Where(table => table.Value.Count == 0).Select(table => table.Key).ShouldBeEmpty("every table held a row");

        applied.Select(m => m.Version).ShouldBe(SchemaMigrator.All.Select(m => m.Version).Where(v => v > SqlScriptsBefore0014.LastVersion));
        var after = Contents(database.ConnectionString, columns);
        foreach (var (table, rows) in before) after[table].ShouldBe(rows, $"the rows of {table}");
        Query(database.ConnectionString, "SELECT version FROM schema_migrations ORDER BY version")
            .ShouldBe(SchemaMigrator.All.Select(m => m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var order = await database.WithAsync<OrderUseCases, OrderView>(o => o.GetAsync(Guid.Parse(Order), default));
        (order.Number, order.Status, order.PaidAmount, order.Lines.Single().ShippedQuantity).ShouldBe(("SO-2026-000001", "PartiallyInvoiced", 50m, 5m));
    }

    /// <summary>The rows of each table as text, in the given columns (those it had before the upgrade), in the order of the first two.</summary>
    private static Dictionary<string, List<string>> Contents(string connectionString, Dictionary<string, string> columns) =>
        columns.ToDictionary(t => t.Key, t => Query(connectionString, $"SELECT {t.Value} FROM {t.Key} ORDER BY 1, 2"));

    private static List<string> Query(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i).ToString())));
        return rows;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
