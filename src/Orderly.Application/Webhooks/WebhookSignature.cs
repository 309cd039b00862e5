using System.Security.Cryptography;
using System.Text;

namespace Orderly.Application.Webhooks;

/// <summary>
/// Standard Webhooks signing (https://www.standardwebhooks.com): the secret is <c>whsec_</c> + base64 of 24 random
/// bytes, and <c>webhook-signature</c> is <c>v1,</c> + base64 of HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>
/// keyed with the secret's decoded bytes.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>The <c>webhook-signature</c> header value for one attempt; <paramref name="timestamp"/> in Unix seconds.</summary>
    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }
}
