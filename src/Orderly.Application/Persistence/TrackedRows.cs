using Microsoft.EntityFrameworkCore;

namespace Orderly.Application.Persistence;

/// <summary>
/// The rows an aggregate kept by every save (open demand per SKU, credit exposure per customer) is read and written
/// through: tracked, so that the save after a read does not read them again.
/// </summary>
internal static class TrackedRows
{
    /// <summary>
    /// The tracked row of each key: those this unit of work already tracks (read, or added and not saved yet), the others
    /// read in one query (<paramref name="saved"/> of the keys still missing), and for a key without a row,
    /// <paramref name="count"/>'s row, added.
    /// </summary>
    public static async Task<Dictionary<TKey, TRow>> LoadAsync<TRow, TKey>(OrderlyDbContext db, IEnumerable<TKey> keys, Func<TRow, TKey> keyOf,
        Func<List<TKey>, IQueryable<TRow>> saved, Func<TKey, Task<TRow>> count, CancellationToken ct)
        where TRow : class where TKey : notnull
    {
        var rows = new Dictionary<TKey, TRow>();
        foreach (var entry in db.ChangeTracker.Entries<TRow>().Where(e => e.State != EntityState.Deleted))
            rows.TryAdd(keyOf(entry.Entity), entry.Entity);
        var missing = keys.Where(k => !rows.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
            foreach (var row in await saved(missing).ToListAsync(ct))
                rows.TryAdd(keyOf(row), row);
        foreach (var key in missing.Where(k => !rows.ContainsKey(k)))
        {
            rows[key] = await count(key);
            db.Add(rows[key]);
        }
        return rows;
    }
}
