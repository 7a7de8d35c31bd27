using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Validation;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.SharedSignals;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Fuzz.Tests.SharedSignals;

/// <summary>
/// The real <see cref="SetValidator"/> with its real dependencies in memory (stream catalog, key store reading the
/// transmitter's JWKS through an in-memory handler, fixed clock), and every conformance example SET, re-stamped for
/// the test stream and signed by its key: the valid inputs to mutate.
/// </summary>
internal sealed class SetCorpus : IDisposable
{
    public SetCorpus()
    {
        Stream = new SsfStreamDescriptor
        {
            Id = Guid.NewGuid(),
            Issuer = TestStreams.Issuer,
            Audience = TestStreams.Audience,
            DeliveryMethod = "urn:ietf:rfc:8935",
            JwksUri = TestStreams.JwksUri,
            SubjectIssuers = [.. TestStreams.SubjectIssuers, TestStreams.Issuer.TrimEnd('/')],
            AllowedClaims = ["user.*"],
            TransmitterStatus = "enabled",
        };
        Catalog.Replace([Stream]);
        Documents.Serve(TestStreams.JwksUri, Signer.Jwks);
        var monitor = new StaticOptionsMonitor<SharedSignalsOptions>(Options);
        var keys = new TransmitterKeyStore(new StubHttpClientFactory(Documents), monitor, new ProductionEnvironment(), Time, NullLogger<TransmitterKeyStore>.Instance);
        Validator = new SetValidator(Catalog, keys, monitor, Time);
        Claims = [.. RepositoryFiles.ConformanceFiles("caep", "sets").Select(file => Restamp(RepositoryFiles.ReadConformanceJson("caep", "sets", file)))];
        Compacts = [.. Claims.Select(claims => Signer.Sign(SetSigner.Header, claims))];
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public SetSigner Signer { get; } = new();

    /// <summary>The transmitter's web server: serves its JWKS.</summary>
    public TransmitterDocuments Documents { get; } = new();

    public SharedSignalsOptions Options { get; } = new();

    public SsfStreamCatalog Catalog { get; } = new();

    public SsfStreamDescriptor Stream { get; }

    public SetValidator Validator { get; }

    /// <summary>The claims of each valid SET as JSON text.</summary>
    public ImmutableArray<string> Claims { get; }

    /// <summary>Each valid SET as a signed compact JWS.</summary>
    public ImmutableArray<string> Compacts { get; }

    public void Dispose() => Signer.Dispose();

    private string Restamp(JsonObject claims)
    {
        claims["iat"] = Time.GetUtcNow().ToUnixTimeSeconds();
        claims["iss"] = TestStreams.Issuer;
        claims["aud"] = claims["aud"] is JsonArray ? new JsonArray(TestStreams.Audience, "https://elsewhere.test/") : TestStreams.Audience;
        return claims.ToJsonString();
    }
}
