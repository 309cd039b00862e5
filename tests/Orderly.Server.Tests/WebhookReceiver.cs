using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orderly.Server.Tests;

/// <summary>One request the receiver got: the Standard Webhooks headers and the raw body.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body);

/// <summary>
/// A real HTTP receiver on loopback (Kestrel on a free port of 127.0.0.1) for webhook tests. It answers from a script
/// (<see cref="Answer"/>: a status code, or <see cref="Hang"/> to never answer) and then 200; it records every request.
/// It checks signatures with its own code (<see cref="SignatureIsValid"/>), as a receiver would, not with Orderly's.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const int Hang = -1;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url { get; private set; } = "";

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue(new ReceivedWebhook(request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
                request.Headers["webhook-signature"].ToString(), body));
            _arrived.Release();
            var answer = _script.TryDequeue(out var next) ? next : 200;
            if (answer == Hang)
            {
                try { await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, request.HttpContext.RequestAborted).Token); }
                catch (OperationCanceledException) { }
                return Results.StatusCode(200);
            }
            return Results.StatusCode(answer);
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    /// <summary>The next answers, in order (a status code or <see cref="Hang"/>); after them every request gets 200.</summary>
    public void Answer(params int[] answers)
    {
        foreach (var answer in answers) _script.Enqueue(answer);
    }

    /// <summary>Waits until <paramref name="count"/> requests in all have arrived (a bound for background delivery, not a timing assertion).</summary>
    public async Task WaitForAsync(int count, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (Received.Count < count) await _arrived.WaitAsync(timeout.Token);
    }

    /// <summary>
    /// The receiver's own check of a Standard Webhooks signature: HMAC-SHA256 keyed with the base64 part of
    /// <c>whsec_…</c> over <c>{id}.{timestamp}.{body}</c>, compared in constant time with each <c>v1,</c> signature sent.
    /// </summary>
    public static bool SignatureIsValid(string secret, ReceivedWebhook hook)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{hook.Id}.{hook.Timestamp}.{hook.Body}"));
        return hook.Signature.Split(' ').Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
