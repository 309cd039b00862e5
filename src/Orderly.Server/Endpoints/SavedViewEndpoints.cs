using Orderly.Application.Sales;
using Orderly.Domain.People;
using Orderly.Server.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>The caller's saved views of the order list (issue 12): listed, saved (a name again replaces its filters), deleted.</summary>
internal static class SavedViewEndpoints
{
    public static void MapSavedViews(this IEndpointRouteBuilder app)
    {
        var views = app.MapGroup("/api/me/views").WithTags("Users").Requires(PermissionTable.OwnAccount);
        views.MapGet("/", async (HttpContext http, SavedViews uc, CancellationToken ct) => TypedResults.Ok(await uc.ListAsync(http.User.UserId(), ct)))
            .WithName("ListSavedViews").WithSummary("List your saved views of the order list")
            .WithDescription("Your views by name, each with the order list's query string to open it with (/app/orders?<query>).");
        views.MapPost("/", async (SaveViewRequest body, HttpContext http, SavedViews uc, CancellationToken ct) =>
                TypedResults.Ok(await uc.SaveAsync(http.User.UserId(), body, ct)))
            .WithName("SaveView").WithSummary("Save the order list's filters under a name")
            .WithDescription($"name: 1–{SavedViews.MaxNameLength} characters; query: the list's query string (a leading ? or the whole address is fine; " +
                             $"paging is dropped). Saving a name you have replaces its filters. Filters kept: {string.Join(", ", SavedViews.Parameters)}. " +
                             $"Refusals: 400 view.invalid, 409 view.limit_reached (at most {SavedViews.MaxViews} views).")
            .ProducesProblem(400).ProducesProblem(409);
        views.MapDelete("/{id:guid}", async (Guid id, HttpContext http, SavedViews uc, CancellationToken ct) =>
            {
                await uc.DeleteAsync(http.User.UserId(), id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteSavedView").WithSummary("Delete one of your saved views")
            .WithDescription("404 view.not_found for a view that is not yours.").ProducesProblem(404);
    }
}
