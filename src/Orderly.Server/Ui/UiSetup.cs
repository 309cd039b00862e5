using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Orderly.Application.People;
using Orderly.Domain.People;
using Orderly.Server.Http;
using Orderly.Server.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Ui;

/// <summary>
/// The web UI's wiring (ADR 0024): statically rendered Razor components under <see cref="UiRoutes.Prefix"/>, MudBlazor,
/// the texts in two languages, and the two form posts that are not pages (sign-out, the language switch). Every page
/// needs a signed-in user (<see cref="PermissionTable.OwnAccount"/>) and checks the permission of what it shows
/// itself; the sign-in page (<see cref="AllowAnonymousAttribute"/>) is open to anyone.
/// </summary>
internal static class UiSetup
{
    public static IServiceCollection AddOrderlyUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Chinese text as text, not as &#x...; entities (the default encoder escapes everything outside Basic Latin)
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddMudServices();
        services.AddLocalization();
        services.AddScoped<UiClock>();
        services.AddScoped<Components.Order.OrderPanels>();
        return services;
    }

    /// <summary>The UI's files (MudBlazor's styles, from the package's static web assets): anonymous, before sign-in is looked at.</summary>
    public static IApplicationBuilder UseOrderlyUiFiles(this IApplicationBuilder app) => app.UseStaticFiles();

    /// <summary>After sign-in and the permission check: the pages' request culture, and the antiforgery check of their forms.</summary>
    public static IApplicationBuilder UseOrderlyUi(this IApplicationBuilder app)
    {
        app.UseWhen(http => UiRoutes.IsPage(http.Request.Path), branch => branch.UseRequestLocalization(UiLanguages.Options()));
        return app.UseAntiforgery();
    }

    public static void MapOrderlyUi(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect(UiRoutes.Home)).OpenToAnyone("The address a person types: it only points to the UI.").ExcludeFromDescription();
        app.MapRazorComponents<App>().ExcludeFromDescription().Add(PagePermission);
        app.MapPost(UiRoutes.SignOut, async (HttpContext http, SignInManager<OrderlyUser> signIn) =>
            {
                await http.AuditAsync(Application.Audit.AuditKinds.SignedOut, "cookie");
                await signIn.SignOutAsync();
                return Results.Redirect(UiRoutes.SignIn);
            })
            .Requires(PermissionTable.OwnAccount).ExcludeFromDescription();
        app.MapPost(UiRoutes.Language, ChooseLanguageAsync)
            .OpenToAnyone("The language switch is on the sign-in page too; a signed-in user's choice is also stored.").ExcludeFromDescription();
    }

    /// <summary>Sets the culture cookie to the chosen language and, for a signed-in user, stores the choice; back to where the switch was.</summary>
    private static async Task<IResult> ChooseLanguageAsync(HttpContext http, UserManager<OrderlyUser> users, IAntiforgery antiforgery)
    {
        // open to anyone (the switch is on the sign-in page too), so neither the session nor the server's cookie check
        // ran: the session is looked at here, and the form's antiforgery field (bound to it) checked
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (session.Succeeded) http.User = session.Principal;
        if (!await antiforgery.IsRequestValidAsync(http))
            return Problems.AsResult(Problems.Create(400, "auth.antiforgery_invalid", "Antiforgery token missing or invalid.",
                "Switch the language from a page of this server: its form carries the antiforgery field."));
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var language = form["language"].ToString();
        if (UiLanguages.IsOffered(language))
        {
            UiLanguages.Remember(http.Response, language);
            if (session.Succeeded && await users.FindByIdAsync(session.Principal.UserId().ToString()) is { } user)
            {
                user.UiLanguage = language;
                await users.UpdateAsync(user);
            }
        }
        return Results.Redirect(UiRoutes.LocalOrHome(form["returnUrl"].ToString()));
    }

    private static void PagePermission(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            endpoint.Metadata.Add(new OpenToAnyone("The sign-in page is how a person gets a session."));
        else endpoint.Metadata.Add(RequiredPermission.Fixed(PermissionTable.OwnAccount));
    }
}
