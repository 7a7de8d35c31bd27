using System.Text.Json.Nodes;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>A shared server that also trusts a test IdP (<see cref="Issuer"/>) for the token exchange.</summary>
public sealed class ExchangeGateFixture(InfrastructureFixture infrastructure) : SsfServerFixture(infrastructure), IDisposable
{
    public const string Issuer = "https://idp.test/";
    public const string Audience = "rta-server";

    internal TestSigningKey IdpKey { get; } = TestSigningKey.Rs256("idp-key-1");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Exchange:TrustedIssuers:0:Issuer"] = Issuer,
        ["Exchange:TrustedIssuers:0:Audience"] = Audience,
    };

    /// <summary>Serves the IdP's discovery document and JWKS; call once the server has started.</summary>
    public void ServeIdp()
    {
        Server.Documents.Serve(Issuer + ".well-known/openid-configuration",
            () => new JsonObject { ["issuer"] = Issuer, ["jwks_uri"] = Issuer + "jwks" }.ToJsonString());
        Server.Documents.ServeJwks(Issuer + "jwks", IdpKey);
    }

    public void Dispose() => IdpKey.Dispose();
}
