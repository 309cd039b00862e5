using System.Diagnostics;
using System.Globalization;
using System.Text;
using Orderly.Application.Webhooks;

namespace Orderly.Server.Webhooks;

/// <summary>
/// One attempt of a delivery over HTTP (ADR 0015): a POST of the body with the Standard Webhooks headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds, from the server's clock) and <c>webhook-signature</c>
/// (<see cref="WebhookSignature"/>), through the named client <see cref="ClientName"/> (timeout
/// <c>Orderly:Webhooks:TimeoutSeconds</c>, no redirects followed). Any 2xx is a success; everything else, a timeout or
/// a refused connection is a failure with its reason.
/// </summary>
internal sealed class WebhookPoster(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task<AttemptOutcome> PostAsync(DueDelivery delivery, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(delivery.Secret, delivery.MessageId, timestamp, delivery.Body));
        var started = Stopwatch.GetTimestamp();
        long Elapsed() => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            var error = code is >= 200 and < 300 ? "" : $"The receiver answered {code} {response.ReasonPhrase}.";
            return new AttemptOutcome(delivery.DeliveryId, at, code, error, Elapsed());
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptOutcome(delivery.DeliveryId, at, null, $"No answer within {client.Timeout.TotalSeconds:0.###} s.", Elapsed());
        }
        catch (HttpRequestException e)
        {
            return new AttemptOutcome(delivery.DeliveryId, at, null, $"Could not reach the receiver: {e.Message}", Elapsed());
        }
    }
}
