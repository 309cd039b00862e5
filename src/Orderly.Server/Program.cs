using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Orderly.Application;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Server.Demo;
using Orderly.Server.Endpoints;
using Orderly.Server.Http;
using Orderly.Server.OpenApi;

var seedDemo = args.Contains(DemoData.Flag);
// The content root is the server's own folder, so its appsettings.json applies wherever `dotnet run` is typed.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Where(a => a != DemoData.Flag).ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});

var connectionString = builder.Configuration.GetConnectionString("Orderly") ?? "Data Source=data/orderly.db";
var options = builder.Configuration.GetSection("Orderly").Get<OrderlyOptions>() ?? new OrderlyOptions();
seedDemo |= builder.Configuration.GetValue<bool>("Orderly:SeedDemo");
if (!BusinessClock.TryZoneNamed(options.BusinessTimeZone, out _, out var zoneProblem))
{
    // Dates in a zone the operator did not mean would be wrong silently: refuse to start, saying why, without a stack trace.
    Console.Error.WriteLine($"Orderly cannot start: {zoneProblem}");
    Environment.ExitCode = 1;
    return;
}
Orderly.Server.Sales.PromiseRefreshService.ShareOf(builder.Configuration, out var startProblem);
startProblem ??= options.Webhooks.Problem();
if (startProblem is not null)
{
    Console.Error.WriteLine($"Orderly cannot start: {startProblem}");
    Environment.ExitCode = 1;
    return;
}

builder.Services.AddOrderly(connectionString, options);
var clockOffsetDays = builder.Configuration.GetValue<int>(ShiftedClock.Setting);
if (clockOffsetDays != 0) builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(clockOffsetDays));
builder.Services.AddScoped<Idempotent>();
builder.Services.AddHostedService<Orderly.Server.Replenishment.ReplenishmentScanService>();
builder.Services.AddHostedService<Orderly.Server.Sales.PromiseRefreshService>();
builder.Services.AddHostedService<Orderly.Server.Idempotency.IdempotencyPurgeService>();
builder.Services.AddHttpClient(Orderly.Server.Webhooks.WebhookPoster.ClientName, client => client.Timeout = TimeSpan.FromSeconds(options.Webhooks.TimeoutSeconds))
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
builder.Services.AddSingleton<Orderly.Server.Webhooks.WebhookPoster>();
builder.Services.AddSingleton<Orderly.Server.Webhooks.WebhookDispatcher>();
builder.Services.AddHostedService<Orderly.Server.Webhooks.WebhookDispatchService>();
builder.Services.AddExceptionHandler<Problems>();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(o => o.AddOrderlyContract());
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o));
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = BodySizeLimit.MaxBytes;
    // Header bytes that are not UTF-8 reach the app as U+FFFD and are refused there with a code, instead of a bare 400.
    k.RequestHeaderEncodingSelector = _ => HeaderEncoding;
    k.ConfigureEndpointDefaults(listen => listen.UseProblemRejections());
});

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<OrderlyDbContext>();
    var applied = await DatabaseSetup.PrepareAsync(db);
    app.Logger.LogInformation("Database: {Database}; {Count} migration(s) applied at start{Names}.", DatabaseSetup.Describe(db), applied.Count,
        applied.Count == 0 ? "" : $" ({string.Join(", ", applied.Select(script => script.Name))})");
}
var demo = !seedDemo ? "off (--seed-demo adds it to an empty database)"
    : await DemoData.SeedAsync(app.Services) ? "seeded" : "not seeded, the database already has customers";
app.Logger.LogInformation("Demo data: {Demo}.", demo);
var businessClock = app.Services.GetRequiredService<BusinessClock>();
app.Logger.LogInformation("Business dates are counted in time zone {Zone} ({Setting}); today is {Today:yyyy-MM-dd}.",
    businessClock.Zone.Id, BusinessClock.Setting, businessClock.Today);
if (clockOffsetDays != 0)
    app.Logger.LogWarning("Demo clock: the server runs {Days} day(s) ahead of real time ({Setting}). Never use this in production.",
        clockOffsetDays, ShiftedClock.Setting);

app.UseServerTiming();
app.UseExceptionHandler();
app.UseStatusProblems();
app.UseBodySizeLimit();

app.MapOpenApi();
app.MapHealth();
app.MapMasterData();
app.MapStock();
app.MapOrders();
app.MapFulfilment();
app.MapBilling();
app.MapProcurement();
app.MapReplenishment();
app.MapEvents();
app.MapWebhooks();

app.Run();

static void ConfigureJson(JsonOptions o)
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.RespectNullableAnnotations = true;
    o.SerializerOptions.RespectRequiredConstructorParameters = true;
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // numbers are JSON numbers, as the OpenAPI document says
    o.SerializerOptions.AllowDuplicateProperties = false; // {"quantity":1,"quantity":900} is refused, not read as 900
}

/// <summary>The entry point; public so the API tests can host it.</summary>
public partial class Program
{
    private static readonly System.Text.Encoding HeaderEncoding = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: false);
}
