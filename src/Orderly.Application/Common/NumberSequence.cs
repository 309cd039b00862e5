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
    /// Hands out <paramref name="count"/> consecutive numbers with one counter update, for a batch of documents created
    /// in one transaction (a rolled-back batch gives its numbers back with it).
    /// </summary>
    public async Task<IReadOnlyList<string>> NextAsync(string prefix, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var year = clock.Today.Year; // the business year: an order taken at 00:30 on 1 January in Tokyo is numbered in the new year
        var bumped = await db.NumberSequences
            .Where(s => s.Name == prefix && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue + count), ct);
        long first;
        if (bumped == 0)
        {
            db.NumberSequences.Add(new NumberSequence { Name = prefix, Year = year, NextValue = 1 + count });
            await db.SaveChangesAsync(ct);
            first = 1;
        }
        else
        {
            first = await db.NumberSequences.Where(s => s.Name == prefix && s.Year == year)
                .Select(s => s.NextValue).SingleAsync(ct) - count;
        }
        return Enumerable.Range(0, count).Select(i => $"{prefix}-{year}-{first + i:000000}").ToList();
    }
}
