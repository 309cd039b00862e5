using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.AspNetCore.Identity;
using Orderly.Application.Common;
using Orderly.Application.People;
using Orderly.Domain.People;
using Orderly.Application.Sales;
using Orderly.Testing;

namespace Orderly.Server.Tests;

/// <summary>
/// The real server in memory on its own temporary SQLite file, migrated at start like production; with
/// <c>ORDERLY_TEST_DATABASE=PostgreSQL</c> on a fresh PostgreSQL database of its own instead (<see cref="TestDatabases"/>),
/// dropped at the end. One per test: tests never see each other's data.
/// </summary>
public sealed partial class OrderlyApi : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly string _file = NewDatabaseFile();

    /// <summary>A fresh database file name in the tests' temporary folder.</summary>
    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), "orderly-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>The PostgreSQL database this server runs on (<c>ORDERLY_TEST_DATABASE=PostgreSQL</c>), else null.</summary>
    private readonly string? _postgres;

    public string ConnectionString => _postgres ?? $"Data Source={_file}";

    /// <summary>Whether this server runs on PostgreSQL (the run's provider), not on its SQLite file.</summary>
    public bool OnPostgres => _postgres is not null;

    /// <summary>The SQLite file this server runs on (unused on PostgreSQL); <see cref="OnDatabaseOf"/> starts another server on its database.</summary>
    public string DatabaseFile => _file;

    /// <summary>Keep the database (file or PostgreSQL database) when disposed, for a server started after this one on it (a restart).</summary>
    public bool KeepDatabaseFile { get; set; }

    /// <summary>Signed in with a real API token of the bootstrap administrator (<see cref="AdminEmail"/>: system-administration and order-administration).</summary>
    public HttpClient Client { get; }

    /// <summary>The bootstrap administrator every server of the tests starts with (<c>Orderly:Bootstrap:*</c>), the actor of <see cref="Client"/>'s requests.</summary>
    public const string AdminEmail = "admin@orderly.test";

    /// <summary>The bootstrap administrator's password: hashed once per server, at its first start.</summary>
    public const string AdminPassword = "correct horse battery staple";

    private int _users;

    /// <summary>The server's clock; <see cref="ShiftableClock.Advance"/> moves it forward.</summary>
    public ShiftableClock Clock { get; } = new();

    private readonly (string Key, string Value)[] _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly int? _kestrelPort;

    /// <param name="settings">Extra configuration, e.g. <c>("Orderly:WriteQueueTimeoutSeconds", "0.2")</c>.</param>
    public OrderlyApi(params (string Key, string Value)[] settings) : this(null, null, settings)
    {
    }

    private OrderlyApi(int? kestrelPort, Action<IServiceCollection>? services, (string Key, string Value)[] settings, string? file = null,
        string? postgres = null)
    {
        _settings = settings;
        _services = services;
        if (file is not null) _file = file;
        else _postgres = postgres ?? (TestDatabases.OnPostgres ? TestDatabases.NewPostgresDatabase() : null);
        _kestrelPort = kestrelPort;
        // The address is set while the host is built (ConfigureWebHost), not by UseKestrel(port): that sets it after the
        // build, racing the server's own start, which no longer waits for the migrations.
        if (kestrelPort is not null) UseKestrel();
        Client = CreateClient();
        Client.DefaultRequestHeaders.Authorization = new("Bearer", Run(() => TokenOfAsync(AdminEmail)));
    }

    /// <summary>
    /// A client signed in with a real API token of a new user holding <paramref name="roles"/> (made through
    /// <see cref="UserUseCases"/>, without a password so no hashing is paid). A customer or dealer user belongs to ALFKI
    /// (<see cref="SeedAsync"/>); <see cref="ClientForCustomer"/> names another.
    /// </summary>
    public HttpClient ClientFor(params Role[] roles) => ClientFor($"user{Interlocked.Increment(ref _users)}@orderly.test", roles);

    /// <summary>As <see cref="ClientFor(Role[])"/>, for the user with <paramref name="email"/> (its actor in the history).</summary>
    public HttpClient ClientFor(string email, params Role[] roles) =>
        ClientWith(email, roles, roles.Any(r => r.IsOutsideParty()) ? "ALFKI" : null);

    /// <summary>A client of a new customer (or dealer) user of the customer <paramref name="customerCode"/>.</summary>
    public HttpClient ClientForCustomer(string customerCode, Role role = Role.Customer) =>
        ClientWith($"user{Interlocked.Increment(ref _users)}@orderly.test", [role], customerCode);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tokens = new();

    /// <summary>
    /// The <c>Authorization</c> header of a user with <paramref name="email"/> and <paramref name="roles"/> (made at the
    /// first call for that email, as <see cref="ClientFor(string, Role[])"/> makes it), for one request of
    /// <see cref="ApiRequests.SendJsonAsync"/> that acts as someone else than <see cref="Client"/>.
    /// </summary>
    public (string Name, string Value) SignedInAs(string email, params Role[] roles) =>
        ("Authorization", "Bearer " + _tokens.GetOrAdd(email, _ => Run(() => NewUserTokenAsync(email, roles, roles.Any(r => r.IsOutsideParty()) ? "ALFKI" : null))));

    /// <summary>A client without credentials.</summary>
    public HttpClient AnonymousClient() => CreateClient();

    private HttpClient ClientWith(string email, Role[] roles, string? customerCode)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Run(() => NewUserTokenAsync(email, roles, customerCode)));
        return client;
    }

    /// <summary>A new user without a password (no hashing) and a token of it, its secret returned.</summary>
    private async Task<string> NewUserTokenAsync(string email, Role[] roles, string? customerCode)
    {
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserUseCases>().CreateWithoutPasswordAsync(email, email, roles, customerCode, AdminEmail, default);
        return await TokenOfAsync(email);
    }

    /// <summary>A new API token (its secret) of the user with <paramref name="email"/>, made as POST /api/tokens makes it.</summary>
    public async Task<string> TokenOfAsync(string email, CreateApiTokenRequest? request = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OrderlyUser>>().FindByEmailAsync(email)
                   ?? throw new InvalidOperationException($"There is no user {email}.");
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenUseCases>().CreateAsync(user, request ?? new CreateApiTokenRequest("tests"), default)).Token;
    }

    // The constructor and ClientFor are synchronous; off the test's synchronization context, so blocking cannot deadlock it.
    private static T Run<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

    /// <summary>
    /// The server on real Kestrel, on a free port of 127.0.0.1 (<see cref="HttpClient.BaseAddress"/> of <see cref="Client"/>),
    /// for what the in-memory test server never sees: requests Kestrel itself refuses, raw bytes (<see cref="RawHttp"/>).
    /// </summary>
    public static OrderlyApi OverKestrel(params (string Key, string Value)[] settings) => new(0, null, settings);

    /// <summary>The server on real Kestrel at <paramref name="port"/> of 127.0.0.1 (0: any free one), on the SQLite <paramref name="file"/> when named.</summary>
    public static OrderlyApi OverKestrelAt(int port, string? file = null, params (string Key, string Value)[] settings) => new(port, null, settings, file);

    /// <summary>The server with <paramref name="services"/> added to its wiring (after the server's own).</summary>
    public static OrderlyApi WithServices(Action<IServiceCollection> services, params (string Key, string Value)[] settings) => new(null, services, settings);

    /// <summary>A new server on the database file of <paramref name="earlier"/> (disposed with <see cref="KeepDatabaseFile"/>): a restart.</summary>
    public static OrderlyApi OnDatabaseOf(OrderlyApi earlier, params (string Key, string Value)[] settings) =>
        earlier._postgres is { } postgres ? new(null, null, settings, postgres: postgres) : new(null, null, settings, earlier.DatabaseFile);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Today as the server sees it (after any <see cref="ShiftableClock.Advance"/>).</summary>
    public DateOnly ServerToday => Services.GetRequiredService<BusinessClock>().Today;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Orderly", ConnectionString);
        if (_postgres is not null) builder.UseSetting("Orderly:Database", "PostgreSQL");
        if (_kestrelPort is { } port) builder.UseSetting("urls", $"http://127.0.0.1:{port}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Orderly:ReplenishmentScanMinutes", "0"); // tests run the scan through the API when they want it
        builder.UseSetting("Orderly:PromiseRefreshDelayMilliseconds", "0"); // tests drain the re-promise queue themselves (DrainPromisesAsync)
        builder.UseSetting("Orderly:Webhooks:DispatchIntervalSeconds", "0"); // tests run webhook rounds themselves unless they turn it on
        builder.UseSetting("Orderly:BusinessTimeZone", "UTC"); // business dates do not depend on the test machine; a test may name a zone
        builder.UseSetting("Orderly:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Orderly:Bootstrap:AdminPassword", AdminPassword);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    /// <summary>Runs the re-promise after commit until nothing is queued, as the server's worker would (ADR 0009).</summary>
    public async Task DrainPromisesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PromiseRefresher>().DrainAsync(CancellationToken.None);
    }

    /// <summary>Two warehouses, three products, a customer with room on credit and one without.</summary>
    public async Task SeedAsync()
    {
        await Created("/api/warehouses", new { code = "MAIN", name = "Main", priority = 1 });
        await Created("/api/warehouses", new { code = "EAST", name = "East", priority = 2 });
        await Created("/api/products", new { sku = "CHAI", name = "Chai", unit = "case", unitDecimals = 0, listPrice = 18.00m, currency = "EUR", taxRate = 0.07m, maxDiscountPercent = 10m });
        await Created("/api/products", new { sku = "COFFEE", name = "Coffee", unit = "kg", unitDecimals = 3, listPrice = 21.50m, currency = "EUR", taxRate = 0.19m, maxDiscountPercent = 5m });
        await Created("/api/products", new { sku = "BOOK", name = "Book", unit = "pc", unitDecimals = 0, listPrice = 9.99m, currency = "USD", taxRate = 0m, maxDiscountPercent = 0m });
        await Created("/api/customers", new { code = "ALFKI", name = "Alfreds", currency = "EUR", creditLimit = 100_000m, paymentTermsDays = 30 });
        await Created("/api/customers", new { code = "TIGHT", name = "Tight Budget", currency = "EUR", creditLimit = 100m, paymentTermsDays = 14 });
    }

    /// <summary>
    /// Runs <paramref name="sql"/> on this server's database over a connection of its own, behind the API's back (a row a
    /// test needs that no request can make); parameters are written <c>@name</c>, which both providers read. Returns the
    /// rows changed.
    /// </summary>
    public async Task<int> ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await ConnectAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row <paramref name="sql"/> reads (see <see cref="ExecuteSqlAsync"/>).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await ConnectAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private async Task<DbConnection> ConnectAsync()
    {
        DbConnection connection = _postgres is not null ? new NpgsqlConnection(_postgres) : new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async Task ReceiveAsync(string warehouse, string sku, decimal quantity) =>
        (await Client.PostAsJsonAsync("/api/stock/receipts", new { warehouseCode = warehouse, sku, quantity }, Json)).EnsureSuccessStatusCode();

    public async Task<OrderView> PlaceOrderAsync(string customer, params (string Sku, decimal Quantity)[] lines) =>
        await Read<OrderView>(await Client.PostAsJsonAsync("/api/orders", new
        {
            customerCode = customer,
            requestedDate = ServerToday.AddDays(14),
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
        }, Json), HttpStatusCode.Created);

    public Task<HttpResponseMessage> CommandAsync(Guid order, string command, object? body = null) =>
        Client.PostAsJsonAsync($"/api/orders/{order}/{command}", body ?? new { }, Json);

    public async Task<OrderView> RunAsync(Guid order, string command, object? body = null) =>
        await Read<OrderView>(await CommandAsync(order, command, body), HttpStatusCode.OK);

    /// <summary>An approved and confirmed order, ready to reserve.</summary>
    public async Task<OrderView> ConfirmedOrderAsync(string customer, params (string Sku, decimal Quantity)[] lines)
    {
        var order = await PlaceOrderAsync(customer, lines);
        (await RunAsync(order.Id, "submit")).Status.ShouldBe("Approved");
        return await RunAsync(order.Id, "confirm");
    }

    public async Task<T> GetAsync<T>(string path) => await Read<T>(await Client.GetAsync(path), HttpStatusCode.OK);

    public static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts a Problem Details response and returns it for further checks.</summary>
    public static async Task<Problem> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonSerializer.Deserialize<Problem>(body, Json)!;
        problem.Code.ShouldBe(code, body);
        problem.Detail.ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    private async Task Created(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body, Json);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_postgres is not null)
        {
            if (!KeepDatabaseFile) TestDatabases.DropPostgresDatabase(_postgres);
            return;
        }
        SqliteConnection.ClearAllPools();
        if (KeepDatabaseFile) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
    }
}

public sealed record Problem(int Status, string Code, string Title, string Detail, Dictionary<string, string[]>? Errors, string TraceId = "");
