using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orderly.Server.Tests.Instances;

/// <summary>
/// A real Orderly server process (<c>dotnet Orderly.Server.dll</c>, the build the tests run against, no build of its own)
/// on a free port of 127.0.0.1, on a PostgreSQL database; its console output is kept for the test's report.
/// <see cref="Kill"/> ends it at once (no graceful stop); disposing kills it if still running.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public string Name { get; }

    public HttpClient Client { get; }

    private ServerProcess(string name, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Orderly.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__Orderly"] = connectionString;
        start.Environment["Orderly__Database"] = "PostgreSQL";
        start.Environment["Orderly__BusinessTimeZone"] = "UTC";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Orderly__Bootstrap__AdminEmail"] = OrderlyApi.AdminEmail;
        start.Environment["Orderly__Bootstrap__AdminPassword"] = OrderlyApi.AdminPassword;
        start.Environment["Logging__LogLevel__Orderly.Server.Operations.LeaseKeeper"] = "Information";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>
    /// Signs in as the bootstrap administrator (cookie, antiforgery, then an API token, as a person would) and makes
    /// <see cref="Client"/> send the token; returns it, for another process on the same database to use too.
    /// </summary>
    public async Task<string> SignInAsAdministratorAsync()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Client.BaseAddress };
        var token = await SignInFlow.NewTokenAsync(browser, OrderlyApi.AdminEmail, OrderlyApi.AdminPassword);
        UseToken(token);
        return token;
    }

    /// <summary>Makes <see cref="Client"/> send <paramref name="token"/> (an API token of this database's users).</summary>
    public void UseToken(string token) => Client.DefaultRequestHeaders.Authorization = new("Bearer", token);

    /// <summary>Starts a server and returns once it listens (its readiness is <see cref="WaitReadyAsync"/>).</summary>
    public static ServerProcess Start(string name, string connectionString, IReadOnlyDictionary<string, string> settings) =>
        new(name, connectionString, settings);

    /// <summary>Waits until <c>/health/ready</c> says 200 (migrations applied), at most <paramref name="within"/>.</summary>
    public async Task WaitReadyAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} not ready within {within}:\n{Output}");
            await Task.Delay(100);
        }
    }

    public bool Alive => !_process.HasExited;

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: no graceful stop, no lease released.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        Client.Dispose();
    }
}
