using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using RealTimeAuth.DevIdp.Options;

namespace RealTimeAuth.DevIdp.Keys;

/// <summary>
/// Hands the persisted keys, the configured issuer and token lifetimes to OpenIddict. Done through
/// options rather than at registration so configuration added by hosts and tests is honoured.
/// </summary>
internal sealed class ServerCredentialsSetup(DevIdpKeys keys, IOptions<DevIdpOptions> options)
    : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions server)
    {
        var settings = options.Value;

        server.SigningCredentials.Add(new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256));
        server.EncryptionCredentials.Add(new EncryptingCredentials(
            keys.EncryptionKey, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));

        if (!string.IsNullOrWhiteSpace(settings.Issuer))
        {
            server.Issuer = new Uri(settings.Issuer, UriKind.Absolute);
        }

        server.AccessTokenLifetime = settings.AccessTokenLifetime;
    }
}
