using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.SharedSignals;

namespace RealTimeAuth.Server.Tests.Exchange;

/// <summary>A <see cref="SubjectTokenValidator"/> without I/O: fake time, one trusted IdP whose documents are served from memory.</summary>
internal sealed class SubjectTokenHarness : IDisposable
{
    public const string Issuer = "https://idp.test";
    public const string Audience = "rta-server";
    public const string IntrospectionEndpoint = Issuer + "/introspect";
    private const string JwksUri = Issuer + "/jwks";

    public SubjectTokenHarness(SubjectTokenValidation validation = SubjectTokenValidation.Jwt)
    {
        var options = new ExchangeOptions
        {
            TrustedIssuers =
            [
                new TrustedIssuerOptions
                {
                    Issuer = Issuer, Audience = Audience, Validation = validation, ClientId = "rta-server", ClientSecret = "introspection-secret",
                },
            ],
        };
        var http = new StubHttpClientFactory(Documents);
        Validator = new SubjectTokenValidator(new IssuerMetadata(http, new ProductionEnvironment()), http,
            new StaticOptionsMonitor<ExchangeOptions>(options), Time, NullLogger<SubjectTokenValidator>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public TransmitterDocuments Documents { get; } = new();

    public TestSigningKey Key { get; } = TestSigningKey.Rs256("idp-1");

    public SubjectTokenValidator Validator { get; }

    /// <summary>Serves the IdP's discovery document and JWKS, and <paramref name="introspection"/> as its introspection answer.</summary>
    public SubjectTokenHarness ServeIdp(JsonObject? introspection = null)
    {
        Documents.Serve(Issuer + "/.well-known/openid-configuration", () => new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = JwksUri,
            ["introspection_endpoint"] = IntrospectionEndpoint,
        }.ToJsonString());
        Documents.ServeJwks(JwksUri, Key);
        if (introspection is not null)
        {
            Documents.Serve(IntrospectionEndpoint, () => introspection.ToJsonString());
        }

        return this;
    }

    /// <summary>Claims of a valid access token at the harness's current time.</summary>
    public JsonObject Claims()
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = Issuer,
            ["sub"] = "alice",
            ["aud"] = Audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
            ["sid"] = "idp-session-1",
        };
    }

    /// <summary>An RFC 7662 answer for a valid token at the harness's current time.</summary>
    public JsonObject Introspection() => Claims().With("active", true);

    public Task<SubjectTokenResult> ValidateAsync(string token) =>
        Validator.ValidateAsync(token, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    public void Dispose() => Key.Dispose();
}
