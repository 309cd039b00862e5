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
public sealed class DocumentNumbers(OrderlyDbContext db, TimeProvider clock)
{
    public const string SalesOrder = "SO";
    public const string Shipment = "SH";
    public const string Invoice = "INV";
    public const string PurchaseOrder = "PO";

    public async Task<string> NextAsync(string prefix, CancellationToken ct)
    {
        var year = clock.GetUtcNow().Year;
        var bumped = await db.NumberSequences
            .Where(s => s.Name == prefix && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue + 1), ct);
        long value;
        if (bumped == 0)
        {
            db.NumberSequences.Add(new NumberSequence { Name = prefix, Year = year, NextValue = 2 });
            await db.SaveChangesAsync(ct);
            value = 1;
        }
        else
        {
            value = await db.NumberSequences.Where(s => s.Name == prefix && s.Year == year)
                .Select(s => s.NextValue).SingleAsync(ct) - 1;
        }
        return $"{prefix}-{year}-{value:000000}";
    }
}
