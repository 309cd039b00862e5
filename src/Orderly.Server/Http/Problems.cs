using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Idempotency;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Server.Permissions;

namespace Orderly.Server.Http;

/// <summary>
/// Turns every refusal into RFC 9457 Problem Details with a stable <c>code</c>: 400 for wrong input (with field
/// errors), 403 for a permission the caller's roles do not hold
/// (<c>permission.&lt;name&gt;</c>, ADR 0021), 404, 409 for a business rule, 412 for a stale If-Match, 413, 422 for a reused idempotency key, 503 with a
/// <c>Retry-After</c> (seconds) when the write queue or the database stayed busy or the database cannot be reached
/// (<c>database.unavailable</c>). Anything else is our fault: 500 with
/// a generic message, logged with the trace id. Refusals of a record that changed under the request count in
/// <see cref="ReservationConflicts"/>.
/// </summary>
internal sealed class Problems(ILogger<Problems> log, ReservationConflicts conflicts) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            InvalidInput e => Create(400, e.Code, "The request is not valid.", e.Message, e.FieldErrors),
            NotFound e => Create(404, e.Code, "Not found.", e.Message),
            PermissionRefused e => Create(403, e.Permission.RefusalCode, "Not permitted.", e.Message),
            BusinessRuleViolation e => Create(409, e.Code, "Refused by a business rule.", e.Message),
            StaleVersion e => Create(412, StaleVersion.Code, "The resource changed since you read it.", e.Message),
            IdempotencyKeyReused e => Create(422, e.Code, "Idempotency key reused.", e.Message),
            DbUpdateConcurrencyException => Create(409, "concurrency.conflict", "Concurrent change.",
                "Someone else changed the same record at the same moment. Read it again and retry."),
            BadHttpRequestException e => UnreadableRequests.Problem(http, e),
            WriteQueueTimeout e => Busy(http, e.RetryAfterSeconds, WriteQueueTimeout.Code, e.Message),
            DatabaseConflict e => Busy(http, 1, DatabaseConflict.Code, e.Message),
            _ when DatabaseErrors.IsDuplicate(exception) => Create(409, "conflict.duplicate", "Already exists.",
                "Another request created the same record (same code or number) a moment earlier. Read it, or send another code."),
            _ when DatabaseErrors.IsBusy(exception) => Busy(http, 1, "database.busy",
                "The database was busy with other changes for too long. Retry the request in a moment."),
            _ when DatabaseErrors.IsUnreachable(exception) => Unavailable(http, exception),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path} (trace {TraceId})", http.Request.Method, http.Request.Path, TraceIdOf(http));
            problem = Create(500, "server.error", "Something went wrong on our side.",
                $"The request could not be completed. Quote trace id {TraceIdOf(http)} when reporting it.");
        }
        if (exception is StaleVersion or DbUpdateConcurrencyException) conflicts.Refused((string)problem.Extensions["code"]!);
        await WriteAsync(http, problem, ct);
        return true;
    }

    public static ProblemDetails Create(int status, string code, string title, string detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = $"https://orderly.example/problems/{code}",
            Title = title,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        return problem;
    }

    /// <summary>503 <c>database.unavailable</c> with Retry-After 5: the database went away; logged as a warning for operations.</summary>
    private ProblemDetails Unavailable(HttpContext http, Exception exception)
    {
        log.LogWarning("The database cannot be reached ({Error}) on {Method} {Path} (trace {TraceId})", exception.GetBaseException().Message,
            http.Request.Method, http.Request.Path, TraceIdOf(http));
        return Busy(http, 5, "database.unavailable",
            "The database cannot be reached right now. Retry the request in a moment (see /health/ready); send an Idempotency-Key so that a retry of a write cannot apply it twice.");
    }

    private static ProblemDetails Busy(HttpContext http, int retryAfterSeconds, string code, string detail)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Create(503, code, "Busy, try again.", detail);
    }

    /// <summary>
    /// The request's W3C trace id (32 hex digits), the one its log lines carry (<c>@tr</c> in the JSON log) and traces
    /// are exported under; the connection's request id when no trace is running.
    /// </summary>
    public static string TraceIdOf(HttpContext http) =>
        System.Diagnostics.Activity.Current is { } activity ? activity.TraceId.ToHexString() : http.TraceIdentifier;

    /// <summary>An endpoint's refusal that it returns rather than throws, written like every other (with its traceId).</summary>
    public static IResult AsResult(ProblemDetails problem) => new Answer(problem);

    private sealed class Answer(ProblemDetails problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, problem, httpContext.RequestAborted);
    }

    public static async Task WriteAsync(HttpContext http, ProblemDetails problem, CancellationToken ct)
    {
        problem.Extensions["traceId"] = TraceIdOf(http);
        http.Response.StatusCode = problem.Status ?? 500;
        await http.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", ct);
    }
}
