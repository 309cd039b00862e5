using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Orderly.Application;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Server;
using Orderly.Server.Demo;
using Orderly.Server.Endpoints;
using Orderly.Server.Http;
using Orderly.Server.OpenApi;
using Orderly.Server.Operations;
using Orderly.Server.People;
using Orderly.Server.Permissions;
using Orderly.Server.Ui;

var seedDemo = args.Contains(DemoData.Flag);
// The content root is the server's own folder, so its appsettings.json applies wherever `dotnet run` is typed.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Where(a => a != DemoData.Flag).ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});

var connectionString = builder.Configuration.GetConnectionString("Orderly") ?? "Data Source=data/orderly.db";
// A setting the operator did not mean (an unknown database, a time zone this machine does not know) would be wrong
// silently or crash later: refuse to start, saying why, without a stack trace.
if (!StartupSettings.TryRead(builder.Configuration, out var options, out var settingProblem)
    || !BusinessClock.TryZoneNamed(options.BusinessTimeZone, out _, out settingProblem)
    || (settingProblem = DatabaseConnection.ProblemWith(options.Database, connectionString)) is not null)
{
    Console.Error.WriteLine($"Orderly cannot start: {settingProblem}");
    Environment.ExitCode = 1;
    return;
}
seedDemo |= builder.Configuration.GetValue<bool>("Orderly:SeedDemo");
var logFormat = ConsoleLogs.FormatOf(builder.Configuration, out var logFormatProblem);
var shutdownTimeout = ShutdownTimeout.Of(builder.Configuration, out var shutdownProblem);
var tracesEndpoint = Telemetry.TracesEndpointOf(builder.Configuration, out var tracesProblem);
if (new[] { logFormatProblem, shutdownProblem, tracesProblem, options.Webhooks.Problem() }.FirstOrDefault(p => p is not null) is { } startProblem)
{
    Console.Error.WriteLine($"Orderly cannot start: {startProblem}");
    Environment.ExitCode = 1;
    return;
}

builder.AddConsoleLogs(logFormat);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);
builder.Services.AddOrderly(connectionString, options);
builder.Services.AddRequestCaller();
var clockOffsetDays = builder.Configuration.GetValue<int>(ShiftedClock.Setting);
if (clockOffsetDays != 0) builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(clockOffsetDays));
builder.Services.AddScoped<Idempotent>();
builder.Services.AddSingleton<ServerReadiness>();
builder.Services.AddSingleton(new StartupChoices(seedDemo, clockOffsetDays));
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddWorkerLeases();
builder.Services.AddTelemetry(tracesEndpoint);
builder.Services.AddHostedService<Orderly.Server.Replenishment.ReplenishmentScanService>();
builder.Services.AddHostedService<Orderly.Server.Workflow.SlaWatchService>();
builder.Services.AddHostedService<Orderly.Server.Sales.PromiseRefreshService>();
builder.Services.AddHostedService<Orderly.Server.Idempotency.IdempotencyPurgeService>();
builder.Services.AddHttpClient(Orderly.Server.Webhooks.WebhookPoster.ClientName, client => client.Timeout = TimeSpan.FromSeconds(options.Webhooks.TimeoutSeconds))
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
builder.Services.AddSingleton<Orderly.Server.Webhooks.WebhookPoster>();
builder.Services.AddSingleton<Orderly.Server.Webhooks.WebhookDispatcher>();
builder.Services.AddHostedService<Orderly.Server.Webhooks.WebhookDispatchService>();
builder.Services.AddOrderlySignIn();
builder.Services.AddOrderlyUi();
builder.WebHost.UseStaticWebAssets(); // the UI's package files (MudBlazor) also when run from a build, whatever the environment
builder.Services.AddSessionKeyRing(options.Database, connectionString);
builder.Services.AddExceptionHandler<Problems>();
builder.Services.AddProblemDetails();
builder.Services.AddRequestDefences(builder.Configuration);
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

// Before everything that reads the client's address or scheme (rate limits, the audit log, HSTS, the cookie's Secure).
app.UseKnownProxies(KnownProxies.Of(builder.Configuration, out _)!);
app.UseSecurityHeaders(); // first, so that every response carries them
// The database is prepared once the server listens (DatabaseStartup): /health/live answers meanwhile, /health/ready
// and every other request say 503 until it is ready.
app.UseStartupGate();
app.UseOrderlyUiFiles();
app.UseServerTiming();
app.UseExceptionHandler();
app.UseStatusProblems();
app.UseBodySizeLimit();
app.UseOrderlySignIn(); // who calls (401 without credentials), before the limits per caller and the permission check
app.UseRequestDefences();
app.UsePermissionCheck();
app.UseOrderlyUi();

app.MapOpenApi().OpenToAnyone("The contract is public: it describes the API, not its data.");
app.MapHealth();
app.MapMetrics();
app.MapSignIn();
app.MapUsers();
app.MapTokens();
app.MapSavedViews();
app.MapMasterData();
app.MapStock();
app.MapOrders();
app.MapFulfilment();
app.MapBilling();
app.MapProcurement();
app.MapReplenishment();
app.MapEvents();
app.MapWebhooks();
app.MapAudit();
app.MapWork();
app.MapWorkflow();
app.MapInsights();
app.MapExceptions();
app.MapOrderlyUi();

app.Run();

static void ConfigureJson(JsonOptions o)
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.RespectNullableAnnotations = true;
    o.SerializerOptions.RespectRequiredConstructorParameters = true;
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // numbers are JSON numbers, as the OpenAPI document says
    o.SerializerOptions.AllowDuplicateProperties = false; // {"quantity":1,"quantity":900} is refused, not read as 900
    // {"requestDate": ...} for requestedDate is refused, not dropped silently (UnreadableRequests: request.unknown_property)
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
}

/// <summary>The entry point; public so the API tests can host it.</summary>
public partial class Program
{
    private static readonly System.Text.Encoding HeaderEncoding = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: false);
}
