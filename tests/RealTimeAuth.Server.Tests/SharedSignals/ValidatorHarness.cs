using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Validation;
using RealTimeAuth.Server.Tests.Infrastructure;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>A <see cref="SetValidator"/> without I/O: fake time, an in-memory catalog, JWKS served from memory.</summary>
internal sealed class ValidatorHarness : IDisposable
{
    public ValidatorHarness(SharedSignalsOptions? options = null)
    {
        Options = options ?? new SharedSignalsOptions();
        Stream = Descriptor(TestStreams.Issuer, TestStreams.JwksUri);
        Other = Descriptor(TestStreams.OtherIssuer, TestStreams.OtherJwksUri);
        Catalog.Replace([Stream, Other]);
        Documents.ServeJwks(TestStreams.JwksUri, Key);
        Documents.ServeJwks(TestStreams.OtherJwksUri, OtherKey);
        Keys = new TransmitterKeyStore(new StubHttpClientFactory(Documents), new StaticOptionsMonitor<SharedSignalsOptions>(Options),
            new ProductionEnvironment(), Time, NullLogger<TransmitterKeyStore>.Instance);
        Validator = new SetValidator(Catalog, Keys, new StaticOptionsMonitor<SharedSignalsOptions>(Options), Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public TransmitterDocuments Documents { get; } = new();

    public TestSigningKey Key { get; } = TestSigningKey.Es256("key-1");

    public TestSigningKey OtherKey { get; } = TestSigningKey.Rs256("other-1");

    public SharedSignalsOptions Options { get; }

    public SsfStreamCatalog Catalog { get; } = new();

    public SsfStreamDescriptor Stream { get; }

    public SsfStreamDescriptor Other { get; }

    public TransmitterKeyStore Keys { get; }

    public SetValidator Validator { get; }

    public static SsfStreamDescriptor Descriptor(string issuer, string? jwksUri, string? metadataAddress = null) => new()
    {
        Id = Guid.NewGuid(),
        Issuer = issuer,
        Audience = TestStreams.Audience,
        DeliveryMethod = "urn:ietf:rfc:8935",
        JwksUri = jwksUri,
        MetadataAddress = metadataAddress,
        SubjectIssuers = [issuer.TrimEnd('/')],
        TransmitterStatus = "enabled",
    };

    /// <summary>A valid SET's claims at the harness's current time.</summary>
    public JsonObject Claims() => Sets.SessionEstablished().With("iat", Time.GetUtcNow().ToUnixTimeSeconds());

    public Task<SetValidation> ValidateAsync(string token) => Validator.ValidateAsync(token, [Stream], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    public Task<SetValidation> ValidateAsync(JsonObject claims) => ValidateAsync(Key.Sign(claims));

    public void Dispose()
    {
        Key.Dispose();
        OtherKey.Dispose();
    }
}
