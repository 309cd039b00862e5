using Microsoft.EntityFrameworkCore.Update;

namespace Orderly.Application.Persistence;

/// <summary>
/// Lets one SaveChanges send its inserts, updates and deletes to SQLite as a few multi-statement commands instead of
/// one command per row (EF Core's SQLite provider batches nothing; Microsoft.Data.Sqlite runs a command's statements in
/// order). The rows a statement affected are still checked one by one, so concurrency tokens work as before.
/// </summary>
internal sealed class SqliteCommandBatches(ModificationCommandBatchFactoryDependencies dependencies) : IModificationCommandBatchFactory
{
    /// <summary>Statements per command: enough for a 100-line order's rows, few enough to keep parameter binding cheap.</summary>
    public const int MaxStatements = 50;

    public ModificationCommandBatch Create() => new Batch(dependencies);

    private sealed class Batch(ModificationCommandBatchFactoryDependencies dependencies)
        : AffectedCountModificationCommandBatch(dependencies, MaxStatements);
}
