using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Audit;

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
    public async Task An_unknown_kind_is_a_400_that_lists_the_kinds()
    {
        await using var api = new OrderlyApi();
        var problem = await OrderlyApi.ProblemAsync(await api.Client.GetAsync("/api/audit?kind=login"), HttpStatusCode.BadRequest, AuditLog.QueryInvalid);
        problem.ShouldHaveFieldErrors("kind");
    }
}
