using System.Text.Json.Nodes;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>A shared server that also trusts a test IdP (<see cref="Issuer"/>) for the token exchange.</summary>
public sealed class ExchangeGateFixture(InfrastructureFixture infrastructure) : SsfServerFixture(infrastructure), IDisposable
{
    public const string Issuer = "https://idp.test/";
    public const string Audience = "rta-server";

    /// <summary>The <c>copilot</c> registration's own session lifetimes, unlike the defaults (ADR 0018).</summary>
    public static readonly TimeSpan CopilotAbsoluteLifetime = TimeSpan.FromHours(2);

    public static readonly TimeSpan CopilotIdleLifetime = TimeSpan.FromMinutes(7);

    internal TestSigningKey IdpKey { get; } = TestSigningKey.Rs256("idp-key-1");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Exchange:TrustedIssuers:0:Issuer"] = Issuer,
        ["Exchange:TrustedIssuers:0:Audience"] = Audience,
        ["Exchange:Clients:copilot:AbsoluteLifetime"] = CopilotAbsoluteLifetime.ToString(),
        ["Exchange:Clients:copilot:IdleLifetime"] = CopilotIdleLifetime.ToString(),
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
