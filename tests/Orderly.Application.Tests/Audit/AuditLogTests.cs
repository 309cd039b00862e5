using Orderly.Application.Audit;
using Orderly.Domain.Common;

namespace Orderly.Application.Tests.Audit;

/// <summary>The security audit log (issue 10 item 6): appended, read newest first by cursor, filtered by kind, refusing bad queries.</summary>
public sealed class AuditLogTests
{
    [Fact]
    public async Task Lines_read_newest_first_page_by_page_and_by_kind()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 1; i <= 5; i++)
            await database.WithAsync<AuditLog>(log => log.RecordAsync(i % 2 == 0 ? AuditKinds.SignInFailed : AuditKinds.SignInSucceeded,
                $"user{i}@example.com", $"attempt {i}", "127.0.0.1", default));

        var first = await database.WithAsync<AuditLog, AuditPage>(log => log.ReadAsync(null, null, 2, default));
        first.Entries.Select(e => e.Subject).ShouldBe(["user5@example.com", "user4@example.com"]);
        var second = await database.WithAsync<AuditLog, AuditPage>(log => log.ReadAsync(first.NextCursor, null, 2, default));
        second.Entries.Select(e => e.Subject).ShouldBe(["user3@example.com", "user2@example.com"]);
        var last = await database.WithAsync<AuditLog, AuditPage>(log => log.ReadAsync(second.NextCursor, null, 2, default));
        last.Entries.Select(e => e.Subject).ShouldBe(["user1@example.com"]);
        last.NextCursor.ShouldBeNull();

        var failed = await database.WithAsync<AuditLog, AuditPage>(log => log.ReadAsync(null, AuditKinds.SignInFailed, null, default));
        failed.Entries.Select(e => e.Detail).ShouldBe(["attempt 4", "attempt 2"]);
        failed.Entries.ShouldAllBe(e => e.Kind == AuditKinds.SignInFailed && e.Address == "127.0.0.1");
    }

    [Fact]
    public async Task Text_is_kept_as_given_and_cut_to_its_column()
    {
        await using var database = await TestDatabase.CreateAsync();
        var markup = "<script>alert('x')</script>" + new string('a', 300);
        await database.WithAsync<AuditLog>(log => log.RecordAsync(AuditKinds.PermissionRefused, markup, new string('d', 900), null, default));

        var line = (await database.WithAsync<AuditLog, AuditPage>(log => log.ReadAsync(null, null, null, default))).Entries.Single();
        line.Subject.ShouldBe(markup[..AuditEntry.SubjectLength]);
        line.Detail.Length.ShouldBe(AuditEntry.DetailLength);
        line.Address.ShouldBe("");
    }

    [Theory]
    [InlineData("x1", null, null, "before")]
    [InlineData(null, "sign_in.maybe", null, "kind")]
    [InlineData(null, null, 0, "limit")]
    [InlineData(null, null, 201, "limit")]
    public async Task A_bad_query_is_refused_naming_its_parameter(string? before, string? kind, int? limit, string field)
    {
        await using var database = await TestDatabase.CreateAsync();
        var refusal = await Should.ThrowAsync<InvalidInput>(() => database.WithAsync<AuditLog, AuditPage>(log => log.ReadAsync(before, kind, limit, default)));
        refusal.Code.ShouldBe(AuditLog.QueryInvalid);
        refusal.FieldErrors.Keys.ShouldBe([field]);
    }
}
