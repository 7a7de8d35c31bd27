using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.SharedSignals;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Identity;

/// <summary>
/// One server on Kestrel (its own PostgreSQL database, the shared Redis) with the shipped agents policy active, two
/// trusted test IdPs whose keys are served from memory (<see cref="Issuer"/>, and <see cref="LegacyIssuer"/>, which may
/// type its tokens <c>JWT</c>), and, beside the development clients copilot and agent, a <see cref="ReaderClient"/>
/// that holds only <c>records:read</c> and delegates to no one, and a <see cref="PortalOnlyClient"/> that trades only
/// tokens the IdP issued to its <c>portal</c> client.
/// </summary>
public sealed class IdentityAttackFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public const string Issuer = "https://idp.identity.test/";
    public const string LegacyIssuer = "https://legacy-idp.identity.test/";
    public const string Audience = "rta-server";
    public const string ReaderClient = "reader";
    public const string PortalOnlyClient = "portal-only";
    public const string PortalIdpClient = "portal";

    private ServerFactory? _root;
    private WebApplicationFactory<Program>? _factory;

    internal TestSigningKey IdpKey { get; } = TestSigningKey.Rs256("identity-idp-1");

    public string ReaderSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public string PortalOnlySecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public string CopilotSecret => Root.CopilotSecret;

    public string AgentSecret => Root.AgentSecret;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    private ServerFactory Root => _root ?? throw new InvalidOperationException("The server has not started.");

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        var documents = new TransmitterDocuments();
        foreach (var issuer in new[] { Issuer, LegacyIssuer })
        {
            documents.Serve(issuer + ".well-known/openid-configuration",
                () => new JsonObject { ["issuer"] = issuer, ["jwks_uri"] = issuer + "jwks" }.ToJsonString());
            documents.ServeJwks(issuer + "jwks", IdpKey);
        }

        _root = await ServerFactory.CreateAsync(infrastructure, "security_identity");
        _factory = _root.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in Settings())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
                services.AddHttpClient(IssuerMetadata.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => documents));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
        var replica = _factory.Services.GetRequiredService<IReplicaCurrency>();
        var keys = _factory.Services.GetRequiredService<RtaKeyRing>();
        Assert.True(await Eventually.UntilAsync(() => replica.IsCurrent && keys.ActiveKeyId is not null, TimeSpan.FromSeconds(30)),
            "The server was not ready within 30 s.");
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_root is not null)
        {
            await _root.DisposeAsync();
        }

        IdpKey.Dispose();
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
        ["Policies:File"] = RepositoryFiles.PathOf("policies/agents.policy.json"),
        ["Exchange:TrustedIssuers:0:Issuer"] = Issuer,
        ["Exchange:TrustedIssuers:0:Audience"] = Audience,
        ["Exchange:TrustedIssuers:0:ClientTokenClaims:idtyp"] = "app",
        ["Exchange:TrustedIssuers:0:ScopeMap:rta:0"] = "records:read",
        ["Exchange:TrustedIssuers:0:ScopeMap:rta:1"] = "records:write",
        ["Exchange:TrustedIssuers:1:Issuer"] = LegacyIssuer,
        ["Exchange:TrustedIssuers:1:Audience"] = Audience,
        ["Exchange:TrustedIssuers:1:AllowJwtType"] = "true",
        ["Exchange:Clients:copilot:MayDelegateTo:2"] = ReaderClient,
        [$"Exchange:Clients:{ReaderClient}:Secret"] = ReaderSecret,
        [$"Exchange:Clients:{ReaderClient}:AllowedScopes:0"] = "records:read",
        [$"Exchange:Clients:{ReaderClient}:AgentKinds:0"] = "reader",
        [$"Exchange:Clients:{PortalOnlyClient}:Secret"] = PortalOnlySecret,
        [$"Exchange:Clients:{PortalOnlyClient}:AllowedScopes:0"] = "records:read",
        [$"Exchange:Clients:{PortalOnlyClient}:AgentKinds:0"] = "copilot",
        [$"Exchange:Clients:{PortalOnlyClient}:AllowedIdpClients:0"] = PortalIdpClient,
    };
}
