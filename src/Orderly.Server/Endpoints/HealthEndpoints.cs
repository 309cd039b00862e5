using Orderly.Application.Persistence;

namespace Orderly.Server.Endpoints;

/// <summary>Liveness and database reachability for load balancers and operators.</summary>
internal static class HealthEndpoints
{
    public sealed record Health(string Status, string Database);

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async Task<IResult> (OrderlyDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct)
                    ? TypedResults.Ok(new Health("ok", "ok"))
                    : TypedResults.Json(new Health("degraded", "unreachable"), statusCode: 503))
            .WithName("Health").WithSummary("Report liveness and database reachability")
            .WithDescription("ok/ok while the database answers; a 503 with degraded/unreachable when it does not.").WithTags("Operations")
            .Produces<Health>().Produces<Health>(StatusCodes.Status503ServiceUnavailable);
}
