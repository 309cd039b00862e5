using System.Net;
using System.Net.Http.Json;
using Orderly.Application.People;
using Orderly.Domain.People;

namespace Orderly.Server.Tests.People;

/// <summary>Users are made and changed by system administrators; bad input says what is wrong (ADR 0019).</summary>
public sealed class UserAdministrationTests
{
    [Fact]
    public async Task An_administrator_creates_a_user_who_then_signs_in_with_the_password()
    {
        using var api = new OrderlyApi();

        var created = await OrderlyApi.Read<UserView>(await api.Client.PostAsJsonAsync("/api/users",
            new { email = "rita@orderly.test", displayName = "Rita Review", password = "a long enough password", roles = new[] { "review" } }), HttpStatusCode.Created);
        using var browser = api.AnonymousClient();
        var signedIn = await browser.PostAsJsonAsync("/api/sign-in", new { email = "RITA@orderly.test", password = "a long enough password" });

        (created.Department, created.Roles.Single(), created.Disabled).ShouldBe(("review", "review", false));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync<UserView>($"/api/users/{created.Id}")).Email.ShouldBe("rita@orderly.test");
        (await api.GetAsync<List<UserView>>("/api/users")).Select(u => u.Email).ShouldBe([OrderlyApi.AdminEmail, "rita@orderly.test"]);
    }

    [Theory]
    [InlineData("{\"email\":\"x@orderly.test\",\"displayName\":\"X\",\"password\":\"a long enough password\",\"roles\":[\"boss\"]}", "user.role_unknown", "roles")]
    [InlineData("{\"email\":\"x@orderly.test\",\"displayName\":\"X\",\"password\":\"short\",\"roles\":[\"sales\"]}", "user.password_weak", "password")]
    [InlineData("{\"email\":\"x@orderly.test\",\"displayName\":\"X\",\"password\":\"a long enough password\",\"roles\":[\"customer\"]}", "user.customer_required", "customerCode")]
    [InlineData("{\"email\":\"x@orderly.test\",\"displayName\":\"X\",\"password\":\"a long enough password\",\"roles\":[\"sales\"],\"customerCode\":\"ALFKI\"}", "user.customer_not_allowed", "customerCode")]
    [InlineData("{\"email\":\"x@orderly.test\",\"displayName\":\"X\",\"password\":\"a long enough password\",\"roles\":[\"customer\",\"sales\"],\"customerCode\":\"ALFKI\"}", "user.roles_mixed", "roles")]
    [InlineData("{\"email\":\"not-an-email\",\"displayName\":\"X\",\"password\":\"a long enough password\",\"roles\":[\"sales\"]}", "user.email_invalid", "email")]
    [InlineData("{\"email\":\"x@orderly.test\",\"displayName\":\"X\",\"password\":\"a long enough password\",\"roles\":[]}", "user.roles_missing", "roles")]
    public async Task A_bad_user_is_a_400_naming_the_field(string json, string code, string field)
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();

        var response = await api.SendRawAsync(HttpMethod.Post, "/api/users", json);

        (await OrderlyApi.ProblemAsync(response, HttpStatusCode.BadRequest, code)).ShouldHaveFieldErrors(field);
    }

    [Fact]
    public async Task An_unknown_role_lists_the_valid_ones_and_a_weak_password_says_the_rule()
    {
        using var api = new OrderlyApi();

        var role = await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/users",
            new { email = "x@orderly.test", displayName = "X", password = "a long enough password", roles = new[] { "boss" } }), HttpStatusCode.BadRequest, "user.role_unknown");
        var password = await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync("/api/users",
            new { email = "x@orderly.test", displayName = "X", password = "short", roles = new[] { "sales" } }), HttpStatusCode.BadRequest, "user.password_weak");

        role.Detail.ShouldContain(string.Join(", ", Enum.GetValues<Role>().Select(r => r.ToName())));
        password.Detail.ShouldContain("12 characters");
    }

    [Fact]
    public async Task The_same_email_twice_is_a_409()
    {
        using var api = new OrderlyApi();

        var response = await api.Client.PostAsJsonAsync("/api/users",
            new { email = OrderlyApi.AdminEmail.ToUpperInvariant(), displayName = "Again", password = "a long enough password", roles = new[] { "sales" } });

        await OrderlyApi.ProblemAsync(response, HttpStatusCode.Conflict, "user.email_taken");
    }

    [Fact]
    public async Task Without_system_administration_managing_users_is_a_403_naming_the_permission()
    {
        using var api = new OrderlyApi();
        using var sales = api.ClientFor(Role.Sales, Role.OrderAdministration);

        await OrderlyApi.ProblemAsync(await sales.GetAsync("/api/users"), HttpStatusCode.Forbidden, "permission.users.manage");
        await OrderlyApi.ProblemAsync(await sales.PostAsJsonAsync("/api/users",
            new { email = "x@orderly.test", displayName = "X", password = "a long enough password", roles = new[] { "sales" } }), HttpStatusCode.Forbidden, "permission.users.manage");
    }

    [Fact]
    public async Task A_disabled_user_s_tokens_stop_working_and_new_roles_hold_at_the_next_request()
    {
        using var api = new OrderlyApi();
        using var sam = api.ClientFor("sam@orderly.test", Role.Sales);
        var id = (await api.GetAsync<List<UserView>>("/api/users")).Single(u => u.Email == "sam@orderly.test").Id;

        (await OrderlyApi.Read<UserView>(await api.Client.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = new[] { "sales", "review" } }), HttpStatusCode.OK))
            .Roles.ShouldBe(["sales", "review"]);
        // the token was made with all of sam's roles then: it keeps to them
        (await sam.GetStringAsync("/api/me")).ShouldContain("\"roles\":[\"sales\"]");

        (await OrderlyApi.Read<UserView>(await api.Client.PostAsync($"/api/users/{id}/disable", ApiRequests.NoBody()), HttpStatusCode.OK)).Disabled.ShouldBeTrue();

        await OrderlyApi.ProblemAsync(await sam.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.token_invalid");
    }
}
