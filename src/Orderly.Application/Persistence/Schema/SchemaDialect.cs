namespace Orderly.Application.Persistence.Schema;

/// <summary>
/// Everything the migrations write differently per provider, and nothing else: the column types EF Core's providers
/// read and write, and the few SQL fragments that have no common spelling. A migration names the business meaning
/// (<see cref="Money"/>, <see cref="OrderDateSortKey"/>); this class says how each provider spells it. ADR 0014.
/// </summary>
public sealed class SchemaDialect
{
    /// <summary>SQLite: TEXT for decimals, ids and instants, because EF Core's SQLite provider stores them as text (exact decimals, sortable instants).</summary>
    public static readonly SchemaDialect Sqlite = new()
    {
        Provider = DatabaseProvider.Sqlite,
        Id = "TEXT", Money = "TEXT", Quantity = "TEXT", Rate = "TEXT", Instant = "TEXT", Day = "TEXT", Flag = "INTEGER",
        SortableInstant = "TEXT",
        ReservedWithinOnHand = "CAST(reserved AS REAL) >= 0 AND CAST(reserved AS REAL) <= CAST(on_hand AS REAL)",
        // received_at in UTC as text in EF Core's DateTime format ('yyyy-MM-dd HH:mm:ss.FFFFFFF'), which sorts as it reads:
        // exact for the '+00:00' Orderly writes, another offset converted with millisecond precision. Virtual: never written.
        OrderDateSortKey = "CASE WHEN substr(received_at, -6) = '+00:00' THEN substr(received_at, 1, length(received_at) - 6) "
            + "ELSE strftime('%Y-%m-%d %H:%M:%f', received_at) END",
        OrderDateSortKeyStored = false,
    };

    /// <summary>PostgreSQL: uuid, numeric(p,s), timestamptz, date and boolean, as Npgsql's EF Core provider maps them.</summary>
    public static readonly SchemaDialect PostgreSql = new()
    {
        Provider = DatabaseProvider.PostgreSql,
        Id = "uuid", Money = "numeric(19,4)", Quantity = "numeric(19,6)", Rate = "numeric(9,6)", Instant = "timestamptz",
        Day = "date", Flag = "boolean",
        SortableInstant = "timestamptz", // Npgsql maps DateTime to timestamptz and writes UTC instants only
        ReservedWithinOnHand = "reserved >= 0 AND reserved <= on_hand",
        // timestamptz sorts as it is; the column exists so that both providers' EF model maps the same sort key.
        // PostgreSQL 15 has stored generated columns only.
        OrderDateSortKey = "received_at",
        OrderDateSortKeyStored = true,
    };

    public required DatabaseProvider Provider { get; init; }

    /// <summary>A Guid key (typed ids): TEXT on SQLite (EF Core writes upper-case text), uuid on PostgreSQL.</summary>
    public required string Id { get; init; }

    /// <summary>An amount of money, rounded to its currency's minor unit (at most 4 decimals: ADR 0005).</summary>
    public required string Money { get; init; }

    /// <summary>A quantity of a product, at its unit's decimals (at most 6).</summary>
    public required string Quantity { get; init; }

    /// <summary>A tax rate (0.19) or a percentage (10.5): up to 3 digits before the point and 6 after.</summary>
    public required string Rate { get; init; }

    /// <summary>A DateTimeOffset (always UTC when Orderly writes it).</summary>
    public required string Instant { get; init; }

    /// <summary>A DateOnly: a day of the business time zone (ADR 0012).</summary>
    public required string Day { get; init; }

    /// <summary>A bool: INTEGER 0/1 on SQLite, boolean on PostgreSQL.</summary>
    public required string Flag { get; init; }

    /// <summary>The type of the order list's sort key <c>received_at_utc</c> and the backorder queue's <c>ordered_at_utc</c> (a DateTime in UTC): sortable TEXT on SQLite, timestamptz on PostgreSQL (a timestamp without zone would be compared in the session's zone).</summary>
    public required string SortableInstant { get; init; }

    /// <summary>stock_levels' CHECK: reserved stock stays between 0 and on hand (ADR 0003). SQLite compares its text decimals as REAL, a backstop only.</summary>
    public required string ReservedWithinOnHand { get; init; }

    /// <summary>The expression of the generated column <c>sales_orders.received_at_utc</c> (migration 5).</summary>
    public required string OrderDateSortKey { get; init; }

    /// <summary>Whether <see cref="OrderDateSortKey"/> is stored (PostgreSQL) or virtual (SQLite, so existing rows are not rewritten).</summary>
    public required bool OrderDateSortKeyStored { get; init; }

    /// <summary>A decimal column as a number a comparison can use: SQLite's text decimals compared as REAL, PostgreSQL's numeric as it is.</summary>
    public string Number(string column) => Provider == DatabaseProvider.Sqlite ? $"CAST({column} AS REAL)" : column;

    /// <summary>A condition on a flag column, spelled as the provider's planner matches a partial index (<c>is_open = 1</c> on SQLite).</summary>
    public string IsSet(string column) => Provider == DatabaseProvider.Sqlite ? $"{column} = 1" : column;

    /// <summary>The dialect of FluentMigrator's database type (<c>IQuerySchema.DatabaseType</c>, e.g. "SQLite", "Postgres15_0").</summary>
    public static SchemaDialect Of(string databaseType) =>
        databaseType.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase) ? Sqlite
        : databaseType.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase) ? PostgreSql
        : throw new NotSupportedException($"Orderly has no schema for database type '{databaseType}'.");

    public static SchemaDialect For(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? Sqlite : PostgreSql;
}
