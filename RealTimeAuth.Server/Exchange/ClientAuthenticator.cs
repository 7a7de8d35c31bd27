using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// Authenticates the calling client by <c>client_secret_basic</c> or <c>client_secret_post</c>
/// (RFC 6749 §2.3.1); a request that uses both is refused (§2.3: only one method per request).
/// </summary>
internal sealed class ClientAuthenticator(IOptionsMonitor<ExchangeOptions> options)
{
    public ClientAuthentication Authenticate(HttpRequest request, IFormCollection form)
    {
        var basic = ReadBasic(request);
        var postedId = form[Parameter.ClientId].ToString();
        var postedSecret = form[Parameter.ClientSecret].ToString();
        if (basic is { Malformed: true })
        {
            return ClientAuthentication.Failed(ExchangeRejectionReasons.ClientCredentialsMalformed, usedBasic: true);
        }

        if (basic is not null && (postedId.Length > 0 || postedSecret.Length > 0))
        {
            return ClientAuthentication.Failed(ExchangeRejectionReasons.ClientAuthenticationAmbiguous, usedBasic: true);
        }

        var (clientId, secret, usedBasic) = basic is { } header
            ? (header.ClientId, header.Secret, true)
            : (postedId, postedSecret, false);
        if (clientId.Length == 0 || secret.Length == 0)
        {
            return ClientAuthentication.Failed(ExchangeRejectionReasons.ClientAuthenticationMissing, usedBasic);
        }

        // One code for an unknown client and a wrong secret: the answer must not tell which clients exist.
        if (!options.CurrentValue.Clients.TryGetValue(clientId, out var client) || !SecretsEqual(client.Secret, secret))
        {
            return ClientAuthentication.Failed(ExchangeRejectionReasons.ClientAuthenticationFailed, usedBasic);
        }

        return ClientAuthentication.Succeeded(clientId, client);
    }

    // Hashing first gives equal-length inputs, so the comparison time reveals nothing about length.
    private static bool SecretsEqual(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    private static BasicCredentials? ReadBasic(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty));
            var separator = decoded.IndexOf(':', StringComparison.Ordinal);
            return separator < 0
                ? new BasicCredentials(string.Empty, string.Empty, Malformed: true)
                // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
                : new BasicCredentials(Uri.UnescapeDataString(decoded[..separator].Replace('+', ' ')),
                    Uri.UnescapeDataString(decoded[(separator + 1)..].Replace('+', ' ')), Malformed: false);
        }
        catch (FormatException)
        {
            return new BasicCredentials(string.Empty, string.Empty, Malformed: true);
        }
    }

    private sealed record BasicCredentials(string ClientId, string Secret, bool Malformed);

    private static class Parameter
    {
        public const string ClientId = RealTimeAuth.Protocol.Exchange.RtaExchangeNames.Parameters.ClientId;
        public const string ClientSecret = RealTimeAuth.Protocol.Exchange.RtaExchangeNames.Parameters.ClientSecret;
    }
}
