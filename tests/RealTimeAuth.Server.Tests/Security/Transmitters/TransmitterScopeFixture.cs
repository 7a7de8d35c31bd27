using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using RealTimeAuth.Server.Tests.Admin.Monitoring;
using RealTimeAuth.Server.Tests.SharedSignals;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Transmitters;

/// <summary>
/// A shared server with two transmitters that both speak for the users of the test IdP <see cref="ExchangeGateFixture.Issuer"/>:
/// A (<see cref="TestStreams.Issuer"/>, every attribute allowed) and B (<see cref="TestStreams.OtherIssuer"/>, allowed only
/// <see cref="BAllowedClaims"/>); the exchange trusts the IdP, and admin tokens are accepted.
/// </summary>
public sealed class TransmitterScopeFixture(InfrastructureFixture infrastructure) : SsfServerFixture(infrastructure), IDisposable
{
    public static readonly string[] BAllowedClaims = ["user.risk_level", "user.claim.department", "user.email"];

    internal TestSigningKey IdpKey { get; } = TestSigningKey.Rs256("idp-key-1");

    internal AdminTokens Tokens { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["Exchange:TrustedIssuers:0:Issuer"] = ExchangeGateFixture.Issuer,
                ["Exchange:TrustedIssuers:0:Audience"] = ExchangeGateFixture.Audience,
                ["SharedSignals:Transmitters:1:SubjectIssuers:0"] = ExchangeGateFixture.Issuer,
            };
            for (var index = 0; index < BAllowedClaims.Length; index++)
            {
                settings[$"SharedSignals:Transmitters:1:AllowedClaims:{index}"] = BAllowedClaims[index];
            }

            return settings;
        }
    }

    protected override Action<IWebHostBuilder> Configure => Tokens.Configure;

    /// <summary>Serves the IdP's discovery document and JWKS; call once the server has started.</summary>
    public void ServeIdp()
    {
        Server.Documents.Serve(ExchangeGateFixture.Issuer + ".well-known/openid-configuration",
            () => new JsonObject { ["issuer"] = ExchangeGateFixture.Issuer, ["jwks_uri"] = ExchangeGateFixture.Issuer + "jwks" }.ToJsonString());
        Server.Documents.ServeJwks(ExchangeGateFixture.Issuer + "jwks", IdpKey);
    }

    public void Dispose() => IdpKey.Dispose();
}
