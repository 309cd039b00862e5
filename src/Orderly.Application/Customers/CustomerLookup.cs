using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Customers;

/// <summary>A customer as lists name it: its code and name.</summary>
public sealed record CustomerRef(Guid Id, string Code, string Name);

/// <summary>
/// Customers by id or code for lists that show many orders (the web UI's order list): one read by primary key for a
/// page's customers, one by the unique code (<c>ux_customers_code</c>). A customer or dealer user finds only its own
/// customer (ADR 0021): another customer's code is "not known", as if it did not exist.
/// </summary>
public sealed class CustomerLookup(OrderlyDbContext db, Caller caller)
{
    /// <summary>The customers of <paramref name="ids"/> (a page's, at most a few hundred), by id; ids the caller may not see are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, CustomerRef>> OfAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Select(CustomerId.From).Where(caller.MaySee).ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, CustomerRef>();
        return await db.Customers.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .Select(c => new CustomerRef(c.Id.Value, c.Code, c.Name)).ToDictionaryAsync(c => c.Id, ct);
    }

    /// <summary>The customer with code <paramref name="code"/> (trimmed, exact), or null when there is none the caller may see.</summary>
    public async Task<CustomerRef?> ByCodeAsync(string code, CancellationToken ct)
    {
        var wanted = code.Trim();
        var found = await db.Customers.AsNoTracking().Where(c => c.Code == wanted)
            .Select(c => new CustomerRef(c.Id.Value, c.Code, c.Name)).SingleOrDefaultAsync(ct);
        return found is not null && caller.MaySee(CustomerId.From(found.Id)) ? found : null;
    }
}
