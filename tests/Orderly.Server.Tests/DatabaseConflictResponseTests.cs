using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Orderly.Application.Common;
using Orderly.Server.Http;

namespace Orderly.Server.Tests;

/// <summary>
/// A write that kept losing races with other instances (ADR 0017) is answered 503 <c>database.conflict</c> with
/// <c>Retry-After: 1</c>, never a 500. The race itself is made on PostgreSQL in <c>ConflictRetryTests</c>; here the
/// answer the HTTP edge gives for its outcome.
/// </summary>
[Trait("RunsOn", "ItsOwnDatabase")] // no database: the exception handler alone (tools/test)
public sealed class DatabaseConflictResponseTests
{
    [Fact]
    public async Task A_database_conflict_past_the_retries_is_a_503_with_retry_after_and_its_code()
    {
        using var meter = new Meter("test");
        var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        var conflict = new DatabaseConflict(6, new InvalidOperationException("40001"));

        (await new Problems(NullLogger<Problems>.Instance, new ReservationConflicts(meter)).TryHandleAsync(http, conflict, default)).ShouldBeTrue();

        http.Response.StatusCode.ShouldBe(503);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("1");
        http.Response.Body.Position = 0;
        var problem = await JsonDocument.ParseAsync(http.Response.Body);
        problem.RootElement.GetProperty("code").GetString().ShouldBe(DatabaseConflict.Code);
        problem.RootElement.GetProperty("detail").GetString().ShouldBe(conflict.Message);
    }
}
