using System.Data.Common;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Server.Demo;
using Orderly.Server.People;

namespace Orderly.Server.Operations;

/// <summary>What the start does besides listening: seed demo data (<c>--seed-demo</c>), run on a shifted clock.</summary>
internal sealed record StartupChoices(bool SeedDemo, int ClockOffsetDays);

/// <summary>
/// Prepares the database once the server listens, so that <c>/health/live</c> answers and <c>/health/ready</c> says 503
/// while migrations run (ADR 0016): applies the pending migrations, seeds the demo data when asked, logs the start-up
/// lines (database, demo data, business time zone, demo clock), then marks the server <see cref="ServerReadiness"/>
/// ready. It runs after every hosted service has started (Kestrel included) and before the host reports itself
/// started; a failure stops the start.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, ServerReadiness readiness, StartupChoices choices,
    IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<DatabaseStartup> log) : IHostedLifecycleService
{
    /// <summary>
    /// Prepares the database; one it cannot open or reach (a PostgreSQL server that does not answer, a SQLite path that
    /// cannot be created) stops the server with one line, <c>Orderly cannot start: …</c>, and exit code 1, like a bad setting.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PrepareAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine($"Orderly cannot start: the database ({Described()}) cannot be opened or reached: {e.Message}");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private string Described()
    {
        using var scope = services.CreateScope();
        return DatabaseSetup.Describe(scope.ServiceProvider.GetRequiredService<OrderlyDbContext>());
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
            var applied = await DatabaseSetup.PrepareAsync(db, scope.ServiceProvider.GetRequiredService<OrderlyOptions>().LogSql, cancellationToken);
            log.LogInformation("Database: {Database}; {Count} migration(s) applied at start{Names}.", DatabaseSetup.Describe(db), applied.Count,
                applied.Count == 0 ? "" : $" ({string.Join(", ", applied.Select(script => script.Name))})");
        }
        var demo = !choices.SeedDemo ? "off (--seed-demo adds it to an empty database)"
            : await DemoData.SeedAsync(services, cancellationToken) ? "seeded" : "not seeded, the database already has customers";
        log.LogInformation("Demo data: {Demo}.", demo);
        log.LogInformation("Sign-in: {Bootstrap}.", await FirstAdministrator.EnsureAsync(services, configuration, cancellationToken));
        if (await DemoUsers.ExistAsync(services, cancellationToken))
            log.LogWarning("Demo users exist (*{Domain}, password {Password}): anyone who reads the README can sign in. Never use this database in production.",
                DemoUsers.EmailDomain, DemoUsers.Password);
        var businessClock = services.GetRequiredService<BusinessClock>();
        log.LogInformation("Business dates are counted in time zone {Zone} ({Setting}); today is {Today:yyyy-MM-dd}.",
            businessClock.Zone.Id, BusinessClock.Setting, businessClock.Today);
        if (choices.ClockOffsetDays != 0)
            log.LogWarning("Demo clock: the server runs {Days} day(s) ahead of real time ({Setting}). Never use this in production.",
                choices.ClockOffsetDays, ShiftedClock.Setting);
        readiness.MarkReady();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
