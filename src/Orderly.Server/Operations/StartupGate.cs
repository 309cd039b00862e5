using Orderly.Server.Http;

namespace Orderly.Server.Operations;

/// <summary>
/// While the database is being prepared (<see cref="ServerReadiness.Stage.Starting"/>), every request but the health
/// checks and <c>/metrics</c> gets a 503 <c>server.starting</c> with <c>Retry-After: 1</c> instead of reaching tables
/// that may not exist yet. Nothing is read or written.
/// </summary>
internal static class StartupGate
{
    public const string Code = "server.starting";

    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var readiness = app.ApplicationServices.GetRequiredService<ServerReadiness>();
        return app.Use(async (http, next) =>
        {
            if (readiness.Now != ServerReadiness.Stage.Starting || IsOperations(http.Request.Path))
            {
                await next(http);
                return;
            }
            http.Response.Headers.RetryAfter = "1";
            await Problems.WriteAsync(http, Problems.Create(503, Code, "Starting, try again.",
                "The server is still preparing its database (applying migrations). Retry in a moment; /health/ready says when it is ready."),
                http.RequestAborted);
        });
    }

    private static bool IsOperations(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(Telemetry.MetricsPath, StringComparison.OrdinalIgnoreCase);
}
