using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;
using Orderly.Server.Operations;

namespace Orderly.Server.Endpoints;

/// <summary>
/// Health for load balancers, orchestrators and operators (ADR 0016): <c>/health/live</c> (the process answers),
/// <c>/health/ready</c> (it may take work: database prepared and answering, not stopping) and <c>/health</c> (as
/// before: database reachability, and 503 while the database is prepared at start, as when nothing listened then).
/// </summary>
internal static class HealthEndpoints
{
    public sealed record Health(string Status, string Database);

    /// <summary>Readiness: <c>status</c> is ready, starting, stopping or unready; <c>database</c> is ok, preparing or unreachable.</summary>
    public sealed record Readiness(string Status, string Database, string Detail);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async Task<IResult> (OrderlyDbContext db, ServerReadiness readiness, CancellationToken ct) =>
                readiness.Now == ServerReadiness.Stage.Starting ? TypedResults.Json(new Health("starting", "preparing"), statusCode: 503)
                : await db.Database.CanConnectAsync(ct) ? TypedResults.Ok(new Health("ok", "ok"))
                : TypedResults.Json(new Health("degraded", "unreachable"), statusCode: 503))
            .WithName("Health").WithSummary("Report liveness and database reachability")
            .WithDescription("ok/ok while the database answers; a 503 with degraded/unreachable when it does not, and with " +
                             "starting/preparing while migrations run at start (so a 200 still means the server takes work). " +
                             "/health/live and /health/ready split the two questions for orchestrators.").WithTags("Operations")
            .Produces<Health>().Produces<Health>(StatusCodes.Status503ServiceUnavailable).AllowAnonymous();

        app.MapGet("/health/live", () => TypedResults.Ok(new Health("ok", "not checked")))
            .WithName("HealthLive").WithSummary("Report that the process answers")
            .WithDescription("Always ok while the process serves HTTP, also while migrations run or the database is unreachable: " +
                             "restart the process only when this fails. It does not touch the database.").WithTags("Operations")
            .Produces<Health>().AllowAnonymous();

        app.MapGet("/health/ready", async Task<IResult> (OrderlyDbContext db, ServerReadiness readiness, CancellationToken ct) =>
                await ReadinessOfAsync(db, readiness.Now, ct) is var answer && answer.Status == "ready"
                    ? TypedResults.Ok(answer)
                    : TypedResults.Json(answer, statusCode: 503))
            .WithName("HealthReady").WithSummary("Report whether the server may take work")
            .WithDescription("ready/ok once the database is prepared and answers. A 503 while migrations run at start " +
                             "(starting/preparing), when the database cannot be read (unready/unreachable) and once the server " +
                             "is stopping (stopping). Send traffic only while this is 200.").WithTags("Operations")
            .Produces<Readiness>().Produces<Readiness>(StatusCodes.Status503ServiceUnavailable).AllowAnonymous();
    }

    /// <summary>
    /// Reads the migrations table: it answers only from a reachable database that Orderly prepared (an empty file
    /// created in its place does not count).
    /// </summary>
    private static async Task<Readiness> ReadinessOfAsync(OrderlyDbContext db, ServerReadiness.Stage stage, CancellationToken ct)
    {
        if (stage == ServerReadiness.Stage.Starting) return new("starting", "preparing", "Migrations are being applied.");
        if (stage == ServerReadiness.Stage.Stopping) return new("stopping", "not checked", "The server is stopping; requests in flight finish.");
        try
        {
            await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM schema_migrations").SingleAsync(ct);
            return new("ready", "ok", "The database answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new("unready", "unreachable", "The database cannot be read: " + e.GetBaseException().Message);
        }
    }
}
