using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Orderly.Application.People;
using Orderly.Server.Http;

namespace Orderly.Server.People;

/// <summary>
/// Who may call the API (ADR 0019): ASP.NET Core Identity over <c>UserStore</c> (lockout after 5 failures for 15
/// minutes, passwords of at least 12 characters), the Identity cookie for browsers, API tokens for machines, and a
/// fallback policy that requires a signed-in user on every endpoint not marked <c>AllowAnonymous</c> (sign-in, health,
/// metrics, the OpenAPI document). A cookie-authenticated state change needs an antiforgery token in
/// <see cref="AntiforgeryHeader"/> (400 <c>auth.antiforgery_invalid</c>); a bearer request needs none.
/// </summary>
internal static class SignInSetup
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";
    public const string CookieName = "orderly.session";
    private const string EitherScheme = "Orderly";
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddOrderlySignIn(this IServiceCollection services)
    {
        services.AddIdentityCore<OrderlyUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = ""; // the user name is the email; any address is allowed
                o.Password.RequiredLength = UserUseCases.MinPasswordLength;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OrderlyClaims>();
        services.AddScoped<BrowserSignIn>();
        // Roles and the disabled flag change the security stamp: check it on every request, so a change holds at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = EitherScheme;
                o.DefaultChallengeScheme = ApiTokenAuthentication.SchemeName;
                o.DefaultForbidScheme = ApiTokenAuthentication.SchemeName;
            })
            .AddPolicyScheme(EitherScheme, "Cookie or API token", o => o.ForwardDefaultSelector = http =>
                ApiTokenAuthentication.BearerSecret(http.Request) is not null ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
                // The API never redirects to a login page: the bearer scheme answers challenges (401) and refusals (403).
                o.ForwardChallenge = ApiTokenAuthentication.SchemeName;
                o.ForwardForbid = ApiTokenAuthentication.SchemeName;
            })
            // Never signed in to (Orderly has no two-factor sign-in), but Identity's SecurityStampValidator signs out of it
            // when a session's stamp is stale (a password, role or disable changed): without the scheme that is a 500.
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = "orderly.two-factor");
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "orderly.antiforgery";
        });
        return services;
    }

    public static IApplicationBuilder UseOrderlySignIn(this IApplicationBuilder app)
    {
        // Anonymous endpoints (sign-in, health, metrics, the document) and unknown routes do not look credentials up:
        // a health probe must not depend on the users' tables, nor a 404 cost a token read.
        app.UseWhen(http => http.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null, branch => branch.UseAuthentication());
        // An unknown route stays a 404 route.not_found: the fallback policy would otherwise make it a 401.
        app.UseWhen(http => http.GetEndpoint() is not null, branch => branch.UseAuthorization());
        // WebApplication adds both at the pipeline's start unless the app says it has them; the branches above are them.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        app.Properties["__AuthorizationMiddlewareSet"] = true;
        return app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
                && http.User.ByCookie() && ApiTokenAuthentication.BearerSecret(http.Request) is null)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    await Problems.WriteAsync(http, Problems.Create(400, "auth.antiforgery_invalid", "Antiforgery token missing or invalid.",
                        $"A change made with the sign-in cookie must send the antiforgery token of GET /api/antiforgery in the {AntiforgeryHeader} header " +
                        "(a program should use an API token instead)."), http.RequestAborted);
                    return;
                }
            }
            await next();
        });
    }
}
