using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Orderly.Server.Tests.Ui;

/// <summary>
/// A person's browser without the browser: a client that keeps cookies and does not follow redirects, reading a page's
/// antiforgery field and posting its forms as a browser does (<c>_handler</c> names the Blazor form).
/// </summary>
internal sealed partial class UiBrowser(OrderlyApi api)
{
    public HttpClient Client { get; } = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts the form of <paramref name="pageHtml"/> named <paramref name="handler"/> (null: a plain form) with <paramref name="fields"/>.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string path, string pageHtml, string? handler, params (string Name, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>>(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))
        {
            KeyValuePair.Create("__RequestVerificationToken", AntiforgeryField(pageHtml)),
        };
        if (handler is not null) form.Add(KeyValuePair.Create("_handler", handler));
        var response = await Client.PostAsync(path, new FormUrlEncodedContent(form));
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Signs in on the sign-in page as the bootstrap administrator; returns where the page sent the browser.</summary>
    public async Task<string> SignInAsync(string email = OrderlyApi.AdminEmail, string password = OrderlyApi.AdminPassword, string returnUrl = "/app/work")
    {
        var path = $"/app/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var (_, html) = await GetAsync(path);
        var (response, body) = await PostAsync(path, html, "sign-in", ("Form.Email", email), ("Form.Password", password));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, body);
        return PathOf(response);
    }

    /// <summary>The password of the users <see cref="SignedInAsAsync"/> makes.</summary>
    public const string Password = "a long enough password";

    /// <summary>
    /// A browser signed in as a new user with <paramref name="roles"/> (of <paramref name="customerCode"/> for a customer
    /// user), made by the administrator with POST /api/users as a person's account is.
    /// </summary>
    public static async Task<UiBrowser> SignedInAsAsync(OrderlyApi api, string email, string[] roles, string? customerCode = null)
    {
        (await api.Client.PostAsJsonAsync("/api/users", new { email, displayName = email, password = Password, roles, customerCode }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var browser = new UiBrowser(api);
        await browser.SignInAsync(email, Password);
        return browser;
    }

    /// <summary>Where a redirect sends the browser, as a path and query (the page's redirects are absolute, the API's relative).</summary>
    public static string PathOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : redirect.Headers.Location!.OriginalString;

    public static string AntiforgeryField(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery field.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
