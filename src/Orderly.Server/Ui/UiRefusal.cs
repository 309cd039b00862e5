using Orderly.Application.Common;
using Orderly.Domain.Common;

namespace Orderly.Server.Ui;

/// <summary>
/// A refusal of the application as a page shows it: the same code and words the API answers with, the fields it
/// names (shown next to them), and the status the page answers with (400 invalid input, 404 not found, 409 a rule,
/// 412 someone changed the record meanwhile), so a page's refusal reads as the API's.
/// </summary>
public sealed record UiRefusal(int Status, string Code, string Message, IReadOnlyDictionary<string, string[]> Fields)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFields = new Dictionary<string, string[]>();

    /// <summary>The refusal <paramref name="error"/> stands for, or null when it is not a refusal (a fault, left to the server's handler).</summary>
    public static UiRefusal? Of(Exception error) => error switch
    {
        InvalidInput invalid => new(StatusCodes.Status400BadRequest, invalid.Code, invalid.Message, invalid.FieldErrors),
        NotFound missing => new(StatusCodes.Status404NotFound, missing.Code, missing.Message, NoFields),
        BusinessRuleViolation rule => new(StatusCodes.Status409Conflict, rule.Code, rule.Message, NoFields),
        StaleVersion stale => new(StatusCodes.Status412PreconditionFailed, StaleVersion.Code, stale.Message, NoFields),
        UiRefused page => page.Refusal,
        Permissions.PermissionRefused refused => new(StatusCodes.Status403Forbidden, $"permission.{refused.Permission.Name}", refused.Message, NoFields),
        _ => null,
    };

    /// <summary>The refusal in words for a page without the fields it names: what each field's error says, else the message.</summary>
    public string Whole => Fields.Count == 0 ? Message : string.Join(" ", Fields.Values.SelectMany(m => m));

    /// <summary>
    /// Each field the refusal names with what it says of it, for the error lines under the fields; an item of a list
    /// (<c>people[2]</c>) is also said under the list (<c>people</c>), where a page shows it.
    /// </summary>
    public Dictionary<string, string> FieldTexts()
    {
        var texts = Fields.ToDictionary(f => f.Key, f => string.Join(" ", f.Value));
        foreach (var (field, messages) in Fields.Where(f => f.Key.Contains('[')))
        {
            var list = field[..field.IndexOf('[')];
            texts[list] = texts.TryGetValue(list, out var before) ? $"{before} {string.Join(" ", messages)}" : string.Join(" ", messages);
        }
        return texts;
    }

    /// <summary>
    /// The API's 403 (<see cref="Permissions.PermissionRefused"/>) unless the caller holds <paramref name="permission"/>,
    /// else null: every handler of a page checks the permission of what it does, as the endpoint does, since a form can
    /// be posted whether or not the page showed it.
    /// </summary>
    public static UiRefusal? Unless(Caller caller, Orderly.Domain.People.Permission permission) =>
        caller.May(permission) ? null : Of(new Permissions.PermissionRefused(permission, caller.Roles ?? new HashSet<Orderly.Domain.People.Role>()));

    /// <summary>What the refusal says of <paramref name="field"/> (the API's field name), or null.</summary>
    public string? About(string field) => Fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

/// <summary>The status a page answers with while it writes its own body (the server's status problems stay out of it).</summary>
internal static class PageStatus
{
    /// <summary>
    /// Sets <paramref name="status"/> (a 404 as 400, see below) and turns off the status code pages for this response: without that, a page that
    /// answers 404 with its own text ("order not found") would have it replaced by the API's <c>route.not_found</c> problem.
    /// </summary>
    public static void Set(HttpContext http, int status)
    {
        // Blazor renders no body of its own for a 404 (it expects the not-found page, NavigationManager.NotFound()): a page
        // whose form named something that does not exist answers 400 with its text; 404 stays for addresses that lead nowhere
        http.Response.StatusCode = status == StatusCodes.Status404NotFound ? StatusCodes.Status400BadRequest : status;
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
    }
}

/// <summary>A page's own refusal thrown through its handler's usual catch (<see cref="UiRefusal.Of"/> gives it back).</summary>
internal sealed class UiRefused(UiRefusal refusal) : Exception(refusal.Message)
{
    public UiRefusal Refusal { get; } = refusal;
}
