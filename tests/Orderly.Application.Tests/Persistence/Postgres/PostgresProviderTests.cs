using Orderly.Application.Customers;
using Orderly.Application.Persistence;
using Orderly.Application.Persistence.Schema;

namespace Orderly.Application.Tests.Persistence.Postgres;

/// <summary>Orderly:Database = PostgreSQL: the context runs on Npgsql, the start migrates the server, master data round-trips.</summary>
[Trait("RunsOn", "ItsOwnDatabase")] // about PostgreSQL itself, on the cluster fixture: runs once, with the SQLite pass (tools/test)
[Collection(PostgresCollection.Name)]
public sealed class PostgresProviderTests(PostgresCluster cluster)
{
    [Fact]
    public async Task With_database_PostgreSQL_the_start_migrates_the_server_and_a_customer_is_registered_and_read_back()
    {
        var connectionString = await cluster.NewDatabaseAsync();
        await using var database = TestDatabase.OnPostgres(connectionString);

        var applied = await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));
        var described = await database.WithAsync<OrderlyDbContext, string>(db => Task.FromResult(DatabaseSetup.Describe(db)));
        var registered = await database.WithAsync<CustomerUseCases, CustomerView>(c =>
            c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", 10000.50m, 30), default));
        var listed = await database.WithAsync<CustomerUseCases, IReadOnlyList<CustomerView>>(c => c.ListAsync(default));

        applied.Count.ShouldBe(SchemaMigrator.All.Count);
        described.ShouldStartWith("PostgreSQL, database orderly_test_");
        described.ShouldNotContain("Username");
        listed.ShouldHaveSingleItem().ShouldBe(registered);
        listed[0].CreditLimit.ShouldBe(10000.50m);
    }

    [Fact]
    public async Task On_postgresql_a_second_customer_with_a_taken_code_is_refused_by_the_unique_index_as_a_duplicate()
    {
        var connectionString = await cluster.NewDatabaseAsync();
        await using var database = TestDatabase.OnPostgres(connectionString);
        await database.WithAsync<OrderlyDbContext, IReadOnlyList<SchemaMigration>>(db => DatabaseSetup.PrepareAsync(db));
        await database.WithAsync<CustomerUseCases, CustomerView>(c => c.RegisterAsync(new RegisterCustomerRequest("ALFKI", "Alfreds", "EUR", 1m, 30), default));

        // Past the use case's own check, as a concurrent registration that committed first would be: the index refuses it.
        var error = await Should.ThrowAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => database.WithAsync<OrderlyDbContext>(async db =>
        {
            db.Customers.Add(Domain.Customers.Customer.Register("ALFKI", "Other", "EUR", 1m, 30, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }));
        DatabaseErrors.IsDuplicate(error).ShouldBeTrue();
    }
}
