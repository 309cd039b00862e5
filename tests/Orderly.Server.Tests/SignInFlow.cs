using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orderly.Server.Tests;

/// <summary>What a person does in a browser, then a program with the token it made: sign in, fetch the antiforgery token, make an API token.</summary>
internal static class SignInFlow
{
    /// <summary>
    /// Signs in on <paramref name="cookieClient"/> (a client that keeps cookies) and makes an API token with the
    /// session cookie and its antiforgery token, as the README's walkthrough does with curl. Returns the token's secret.
    /// </summary>
    public static async Task<string> NewTokenAsync(HttpClient cookieClient, string email, string password, string name = "tests")
    {
        (await cookieClient.PostAsJsonAsync("/api/sign-in", new { email, password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var antiforgery = await AntiforgeryTokenAsync(cookieClient);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { name }) };
        request.Headers.Add("X-CSRF-TOKEN", antiforgery);
        var response = await cookieClient.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient cookieClient)
    {
        var response = await cookieClient.GetAsync("/api/antiforgery");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }
}
