using Orderly.Domain.Common;
using Orderly.Domain.Inventory;
using Orderly.Application.Persistence;

namespace Orderly.Application.Common;

/// <summary>Settings under the "Orderly" configuration section.</summary>
public sealed class OrderlyOptions
{
    /// <summary>Midpoint rule for rounding money to the minor unit: AwayFromZero (default) or ToEven.</summary>
    public MidpointRounding MoneyMidpoint { get; set; } = MidpointRounding.AwayFromZero;

    public MoneyRounding Rounding => new(MoneyMidpoint);

    /// <summary>How a line's quantity is spread over warehouses: FillMost (default) or Priority.</summary>
    public SourcingStrategy Sourcing { get; set; } = SourcingStrategy.FillMost;

    /// <summary>Seconds a write may wait for its turn in the <see cref="WriteGate"/> before a 503 (default 15; fractions allowed).</summary>
    public double WriteQueueTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// How many write transactions of this server run at once (<see cref="WriteGate"/>): always 1 on SQLite, which admits
    /// one writer; 1 to <see cref="MaxWriteTurns"/> on PostgreSQL, default <see cref="DefaultPostgresWriteTurns"/>. Unset:
    /// the provider's default.
    /// </summary>
    public int? WriteTurns { get; set; }

    public const int DefaultPostgresWriteTurns = 4;
    public const int MaxWriteTurns = 64;

    /// <summary>The write turns in force: <see cref="WriteTurns"/>, else the provider's default.</summary>
    public int EffectiveWriteTurns => WriteTurns ?? (Database == DatabaseProvider.PostgreSql ? DefaultPostgresWriteTurns : 1);

    /// <summary>
    /// How many times a write transaction that lost a race with another server instance on PostgreSQL runs again before
    /// a 503 <c>database.conflict</c> (default 5, 0 to 20; <see cref="Common.ConflictRetries"/>, ADR 0017).
    /// </summary>
    public int ConflictRetries { get; set; } = Common.ConflictRetries.DefaultMaxRetries;

    /// <summary>
    /// Hours an Idempotency-Key is kept (default 24; fractions allowed): a retry within them replays the first response,
    /// afterwards the key counts as new and the background purge deletes it.
    /// </summary>
    public double IdempotencyRetentionHours { get; set; } = 24;

    public TimeSpan IdempotencyRetention => TimeSpan.FromHours(IdempotencyRetentionHours);

    /// <summary>Minutes between purges of expired idempotency keys (default 10; 0 turns the purge off).</summary>
    public double IdempotencyPurgeMinutes { get; set; } = 10;

    /// <summary>
    /// The IANA time zone business dates are counted in (<see cref="BusinessClock"/>), e.g. <c>Asia/Tokyo</c>; unset: the
    /// machine's local zone. An unknown name refuses the start.
    /// </summary>
    public string? BusinessTimeZone { get; set; }

    /// <summary>The database engine: Sqlite (default, the file of ConnectionStrings:Orderly) or PostgreSQL (a server's Npgsql connection string).</summary>
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Webhook delivery: timeouts, retries, when a subscription is disabled (<c>Orderly:Webhooks:*</c>).</summary>
    public Webhooks.WebhookOptions Webhooks { get; set; } = new();

    /// <summary>
    /// Seconds a background job's lease lasts (default 30; fractions allowed, at least 1): the instance holding it renews it
    /// every third of that, and when the holder dies another instance takes it over within about one lease (ADR 0018).
    /// </summary>
    public double LeaseSeconds { get; set; } = 30;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>
    /// How many lines of a SKU one page of a SKU search with another filter reads at most (default 200, at least a page
    /// and one): the bound that keeps a rare combination of a hot SKU from reading all its orders in one request
    /// (<see cref="Sales.OrderSkuPages"/>).
    /// </summary>
    public int OrderSearchScan { get; set; } = 200;

    /// <summary>Logs every SQL command EF Core runs, at Information (default false: the console stays quiet).</summary>
    public bool LogSql { get; set; }
}
