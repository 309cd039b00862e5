using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Orderly.Application.Persistence;

namespace Orderly.Application.Tests.Persistence;

/// <summary>The per-scope SQL counter counts that scope's commands and does not cost EF Core a service provider per scope.</summary>
public sealed class SqlStatementsTests
{
    [Fact]
    public async Task Each_scope_counts_its_own_commands()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var round = 0; round < 2; round++)
        {
            var (count, elapsed) = await database.WithAsync<OrderlyDbContext, (int, TimeSpan)>(async db =>
            {
                await db.Products.CountAsync();
                await db.Customers.AnyAsync();
                var sql = db.GetService<SqlStatements>();
                return (sql.RoundTrips, sql.Elapsed);
            });
            count.ShouldBe(2);
            elapsed.ShouldBeGreaterThan(TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Contexts_of_different_scopes_share_one_internal_service_provider_and_model()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await database.WithAsync<OrderlyDbContext, (IModelSource, object)>(db => Task.FromResult((db.GetService<IModelSource>(), (object)db.Model)));
        var second = await database.WithAsync<OrderlyDbContext, (IModelSource, object)>(db => Task.FromResult((db.GetService<IModelSource>(), (object)db.Model)));

        second.Item1.ShouldBeSameAs(first.Item1);
        second.Item2.ShouldBeSameAs(first.Item2);
    }

    [Theory]
    [InlineData("SELECT 1", 1)]
    [InlineData("UPDATE t SET a = @p0\nWHERE id = @p1\nRETURNING 1;", 1)]
    [InlineData("INSERT INTO t (a) VALUES (@p0)\nRETURNING id;\nUPDATE t SET a = @p1\nWHERE id = @p2\nRETURNING 1;\n", 2)]
    public void A_command_counts_each_of_its_statements(string sql, int statements) =>
        SqlStatements.StatementsIn(sql).ShouldBe(statements);
}
