using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Orderly.Server.Ui;

/// <summary>
/// The UI's languages (ADR 0024): English and Simplified Chinese. The request culture of a page comes from the culture
/// cookie, which sign-in writes from the user's stored choice (<c>users.ui_language</c>) and the language switch writes
/// and stores; without one, the browser's <c>Accept-Language</c>, else English. Pages only: the API stays culture-free.
/// </summary>
internal static class UiLanguages
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    /// <summary>Each language's code and its own name, as the switch offers them.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Offered = [(English, "English"), (Chinese, "简体中文")];

    public static bool IsOffered(string? code) => Offered.Any(o => o.Code == code);

    public static RequestLocalizationOptions Options()
    {
        var cultures = Offered.Select(o => new CultureInfo(o.Code)).ToList();
        var options = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(English), SupportedCultures = cultures, SupportedUICultures = cultures };
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    /// <summary>Writes the culture cookie for <paramref name="code"/> (an offered language) for a year.</summary>
    public static void Remember(HttpResponse response, string code) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
}
