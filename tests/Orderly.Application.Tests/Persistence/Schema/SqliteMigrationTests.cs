using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;

namespace Orderly.Application.Tests.Persistence.Schema;

[Trait("RunsOn", "ItsOwnDatabase")] // the SQLite schema itself (tools/test)
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orderly-schema-").FullName;

    private string NewDatabase(string name) => $"Data Source={Path.Combine(_folder, name)};Foreign Keys=True;Pooling=False";

    [Fact]
    public void The_csharp_migrations_give_sqlite_the_schema_the_sql_scripts_gave()
    {
        var scripts = NewDatabase("scripts.db");
        SqlScriptsBefore0014.Apply(scripts);
        var migrations = NewDatabase("migrations.db");
        new SchemaMigrator(migrations, DatabaseProvider.Sqlite).Migrate(SqlScriptsBefore0014.LastVersion);

        var expected = SqliteSchemaShape.Of(scripts);
        var actual = SqliteSchemaShape.Of(migrations);
        actual.Except(expected).ShouldBeEmpty("only in the C# migrations' schema");
        expected.Except(actual).ShouldBeEmpty("only in the SQL scripts' schema");
        actual.Count.ShouldBe(expected.Count);
        // The comparison sees what the fluent syntax cannot state directly.
        expected.ShouldContain("stock_levels check CAST(reserved AS REAL)>= 0 AND CAST(reserved AS REAL)<= CAST(on_hand AS REAL)");
        expected.ShouldContain(line => line.StartsWith("sales_orders generated CASE WHEN", StringComparison.Ordinal));
        expected.ShouldContain("stock_movements (warehouse_id,sku) references stock_levels (warehouse_id,sku) on update NO ACTION on delete NO ACTION");
        expected.ShouldContain("invoices index ix_invoices_customer_open_due (customer_id,due_on) where is_open = 1");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
