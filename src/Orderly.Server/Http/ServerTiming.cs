using Orderly.Application.Persistence;

namespace Orderly.Server.Http;

/// <summary>
/// Puts the SQL a request ran on every response, as the W3C Server-Timing header:
/// <c>Server-Timing: db;desc="&lt;R&gt; round trips, &lt;N&gt; statements";dur=&lt;milliseconds, one decimal&gt;</c>
/// (always plural, also for 0 or 1, so tools can match <c>db;desc="(\d+) round trips, (\d+) statements"</c>): the SQL
/// commands sent and the statements in them. Counted by the request's
/// <see cref="SqlStatements"/>, and written when the response starts, so error responses carry it too.
/// </summary>
internal static class ServerTiming
{
    public const string Header = "Server-Timing";

    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var sql = http.RequestServices.GetRequiredService<SqlStatements>();
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.Append(Header, sql.ServerTiming);
            return Task.CompletedTask;
        });
        await next(http);
    });
}
