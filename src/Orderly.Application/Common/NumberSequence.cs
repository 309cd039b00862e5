using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;

namespace Orderly.Application.Common;

/// <summary>A yearly counter behind human document numbers such as SO-2026-000123.</summary>
public sealed class NumberSequence
{
    public string Name { get; set; } = "";
    public int Year { get; set; }
    public long NextValue { get; set; }
}

/// <summary>Hands out the next human number of a document type, inside the caller's transaction.</summary>
public sealed class DocumentNumbers(OrderlyDbContext db, BusinessClock clock)
{
    public const string SalesOrder = "SO";
    public const string Shipment = "SH";
    public const string Invoice = "INV";
    public const string PurchaseOrder = "PO";

    public async Task<string> NextAsync(string prefix, CancellationToken ct) => (await NextAsync(prefix, 1, ct))[0];

    /// <summary>
    /// Hands out <paramref name="count"/> consecutive numbers with one counter statement (an upsert that returns the new
    /// counter), for a batch of documents created in one transaction. The numbers are gapless per prefix and business
    /// year: the counter row changes in the caller's transaction, so a rolled-back transaction gives its numbers back,
    /// and two transactions numbering at once wait for each other on that row (on PostgreSQL the later one is refused
    /// and run again, ADR 0017). Invoice numbers need that (a legal requirement in many countries).
    /// </summary>
    public async Task<IReadOnlyList<string>> NextAsync(string prefix, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var year = clock.Today.Year; // the business year: an order taken at 00:30 on 1 January in Tokyo is numbered in the new year
        var after = (await db.Database.SqlQuery<long>(
            $"""
            INSERT INTO number_sequences (name, year, next_value) VALUES ({prefix}, {year}, {1L + count})
            ON CONFLICT (name, year) DO UPDATE SET next_value = number_sequences.next_value + {(long)count}
            RETURNING next_value AS "Value"
            """).ToListAsync(ct))[0];
        var first = after - count;
        return Enumerable.Range(0, count).Select(i => $"{prefix}-{year}-{first + i:000000}").ToList();
    }
}
