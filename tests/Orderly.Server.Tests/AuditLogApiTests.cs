using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Audit;
using Orderly.Domain.People;

namespace Orderly.Server.Tests;

/// <summary><c>GET /api/audit</c>: the security audit log over HTTP, newest first, with its refusals.</summary>
public sealed class AuditLogApiTests
{
    [Fact]
    public async Task The_log_reads_newest_first_and_shows_text_as_given()
    {
        await using var api = new OrderlyApi();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await log.RecordAsync(AuditKinds.SignInFailed, "<b>mallory</b>@example.com", "wrong password", "10.0.0.7", default);
            await log.RecordAsync(AuditKinds.SignInSucceeded, "ann@example.com", "cookie", "10.0.0.8", default);
        }

        var page = await api.GetAsync<AuditPage>("/api/audit?limit=1");
        page.Entries.Single().Subject.ShouldBe("ann@example.com");
        var older = await api.GetAsync<AuditPage>($"/api/audit?limit=1&before={page.NextCursor}");
        older.Entries.Single().ShouldSatisfyAllConditions(
            e => e.Subject.ShouldBe("<b>mallory</b>@example.com"), e => e.Kind.ShouldBe("sign_in.failed"), e => e.Address.ShouldBe("10.0.0.7"));
        older.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task Sign_ins_their_failures_tokens_and_permission_refusals_are_recorded_for_administrators()
    {
        await using var api = new OrderlyApi();
        var browser = api.AnonymousClient();
        (await browser.PostAsJsonAsync("/api/sign-in", new { email = OrderlyApi.AdminEmail, password = "not it" }, OrderlyApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await SignInFlow.NewTokenAsync(api.CreateClient(), OrderlyApi.AdminEmail, OrderlyApi.AdminPassword, "audit test");
        var warehouse = api.ClientFor("wes@warehouse.test", Role.Warehouse);
        (await warehouse.GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // the log is not the warehouse's

        var lines = (await api.GetAsync<AuditPage>("/api/audit")).Entries;
        lines.Select(e => (e.Kind, e.Subject)).ShouldBe([
            ("permission.refused", "wes@warehouse.test"),
            ("token.created", OrderlyApi.AdminEmail),
            ("sign_in.succeeded", OrderlyApi.AdminEmail),
            ("sign_in.failed", OrderlyApi.AdminEmail),
        ]);
        lines[0].Detail.ShouldBe("audit.read for GET /api/audit");
        lines[3].Detail.ShouldBe("wrong password");
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_that_lists_the_kinds()
    {
        await using var api = new OrderlyApi();
        var problem = await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/audit?kind=login"), HttpStatusCode.BadRequest, AuditLog.QueryInvalid);
        problem.ShouldHaveFieldErrors("kind");
    }
}
