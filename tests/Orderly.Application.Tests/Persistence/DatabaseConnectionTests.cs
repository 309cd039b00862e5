using Orderly.Application.Persistence;

namespace Orderly.Application.Tests.Persistence;

/// <summary>A connection string of the other provider stops the start with a sentence, never repeating the string (it may hold a password).</summary>
[Trait("RunsOn", "ItsOwnDatabase")] // no database of the run: connection strings of both providers (tools/test)
public sealed class DatabaseConnectionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=data/orderly.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=db.example;Database=orderly;Username=orderly;Password=s3cret")]
    public void A_connection_string_of_its_provider_is_accepted(DatabaseProvider provider, string connectionString) =>
        DatabaseConnection.ProblemWith(provider, connectionString).ShouldBeNull();

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "Data Source=data/orderly.db", "is not a PostgreSQL connection string")]
    [InlineData(DatabaseProvider.PostgreSql, "Database=orderly;Password=s3cret", "names no PostgreSQL server")]
    [InlineData(DatabaseProvider.Sqlite, "Host=db.example;Password=s3cret", "is not a SQLite connection string")]
    [InlineData(DatabaseProvider.Sqlite, "Mode=ReadOnly", "names no SQLite file")]
    public void A_connection_string_the_provider_cannot_use_is_refused_without_repeating_it(DatabaseProvider provider, string connectionString, string said)
    {
        var problem = DatabaseConnection.ProblemWith(provider, connectionString);

        problem.ShouldNotBeNull().ShouldContain(said);
        problem.ShouldStartWith("ConnectionStrings:Orderly");
        problem.ShouldNotContain("s3cret");
    }
}
