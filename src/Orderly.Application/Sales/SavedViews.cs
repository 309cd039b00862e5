using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Sales;

/// <summary>
/// Each user's saved views of the order list (issue 12 "Orders: saved views"), through <c>/api/me/views</c> and the
/// order list page. A view is the list's filters by name; saving a name the user already has replaces its filters.
/// Refusals: 400 <c>view.invalid</c> (a name empty or over 60 characters, a parameter the list does not know, a value
/// over 100 characters), 404 <c>view.not_found</c> (none of this user's), 409 <c>view.limit_reached</c> (over
/// <see cref="MaxViews"/> views).
/// </summary>
public sealed class SavedViews(OrderlyDbContext db, TimeProvider clock)
{
    public const int MaxViews = 50;
    public const int MaxNameLength = 60;
    private const int MaxValueLength = 100;

    /// <summary>The parameters of the order list a view keeps (paging is not one: a view opens at its first page).</summary>
    public static readonly string[] Parameters = ["status", "customer", "sku", "from", "to", "sort", "department", "assignee", "overdue"];

    /// <summary>The user's views by name (a user has at most <see cref="MaxViews"/>; ux_saved_views_user_name).</summary>
    public async Task<IReadOnlyList<SavedViewView>> ListAsync(Guid user, CancellationToken ct) =>
        (await db.SavedViews.AsNoTracking().Where(v => v.UserId == user).ToListAsync(ct))
            .OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).Select(View).ToList();

    public Task<SavedViewView> SaveAsync(Guid user, SaveViewRequest request, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var errors = new FieldErrors();
        var name = (request.Name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength) errors.Add("name", $"Name the view with 1 to {MaxNameLength} characters; '{Shortened(name)}' has {name.Length}.");
        var query = Normalized(request.Query ?? "", errors);
        if (query.Length == 0 && !errors.Any) errors.Add("query", "A view keeps at least one filter of the order list: filter the list first, then save it.");
        errors.ThrowIfAny("view.invalid", "The view cannot be saved as sent; see the errors per field.");

        var existing = await db.SavedViews.FirstOrDefaultAsync(v => v.UserId == user && v.Name == name, ct);
        if (existing is null)
        {
            if (await db.SavedViews.CountAsync(v => v.UserId == user, ct) >= MaxViews)
                throw new BusinessRuleViolation("view.limit_reached", $"You have {MaxViews} saved views, the most one user keeps. Delete one you no longer use, or save under the name of one to replace it.");
            db.SavedViews.Add(existing = new SavedView { Id = Guid.CreateVersion7(), UserId = user, Name = name, Query = query, CreatedAt = clock.GetUtcNow() });
        }
        else existing.Query = query;
        await db.SaveChangesAsync(ct);
        return View(existing);
    }, ct);

    public Task DeleteAsync(Guid user, Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var view = await db.SavedViews.FirstOrDefaultAsync(v => v.Id == id && v.UserId == user, ct)
                   ?? throw new NotFound("view.not_found", $"You have no saved view {id}. GET /api/me/views lists yours.");
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    /// <summary>
    /// The query string with known parameters only, in <see cref="Parameters"/> order, empty values dropped, each
    /// escaped once; a leading <c>?</c> or a whole <c>/app/orders?…</c> address is accepted.
    /// </summary>
    internal static string Normalized(string query, FieldErrors errors)
    {
        var text = query.Trim();
        if (text.IndexOf('?') is var mark and >= 0) text = text[(mark + 1)..];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
            key = Unescaped(key).Trim();
            value = Unescaped(value).Trim();
            if (key is "cursor" or "page" or "pageSize") continue;
            if (!Parameters.Contains(key)) errors.Add("query", $"'{key}' is not a filter of the order list. A view keeps: {string.Join(", ", Parameters)}.");
            else if (value.Length > MaxValueLength) errors.Add("query", $"The value of '{key}' has {value.Length} characters; at most {MaxValueLength}.");
            else if (value.Length > 0) values[key] = value;
        }
        return string.Join('&', Parameters.Where(values.ContainsKey).Select(p => $"{p}={Uri.EscapeDataString(values[p])}"));
    }

    private static string Unescaped(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string Shortened(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static SavedViewView View(SavedView v) => new(v.Id, v.Name, v.Query, v.CreatedAt);
}
