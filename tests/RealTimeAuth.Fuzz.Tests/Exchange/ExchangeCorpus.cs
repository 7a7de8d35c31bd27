using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.Fuzz.Tests.Exchange;

/// <summary>
/// Valid exchange forms (root and delegated, with every optional parameter) and valid DPoP proofs for the token
/// endpoint: session proofs, and parent proofs carrying <c>ath</c> of a parent token, from a fixed clock.
/// </summary>
internal sealed class ExchangeCorpus : IDisposable
{
    public const string Uri = "https://rta.test/oauth/token";
    public const string ParentToken = "AQAAAQAAACrPGQ9aXkmB-kkV1Y0k4gW1xq3R0lZ0oB7v8d9Jm2pQmH7QX1e3nJk9u0zQ2Ypq8r1xw6v5t4s3r2q1p0onmlkjihgfedcbaZYXWVUTSRQPONMLKJIHGFEDCBA";

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    public ExchangeCorpus()
    {
        var writer = new DpopProofWriter(_key, Time);
        Thumbprint = writer.JwkThumbprint;
        AccessTokenHash = DpopAccessTokenHash.Compute(ParentToken);
        SessionProofs = [.. Enumerable.Range(0, 8).Select(_ => writer.Write("POST", Uri))];
        ParentProofs = [.. Enumerable.Range(0, 8).Select(_ => writer.Write("POST", Uri, AccessTokenHash))];
        Forms =
        [
            .. Enumerable.Range(0, 4).Select(i => Encode(ExchangeRequests.FromUserToken($"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLXtpfSJ9.c2ln{i}", "records:read records:write"))),
            .. Enumerable.Range(0, 4).Select(_ => Encode(ExchangeRequests.FromParentToken(ParentToken, "records:read"))),
            Encode(new Dictionary<string, string>(ExchangeRequests.FromUserToken("t", "a b")) { [RtaExchangeNames.Parameters.AgentSoftware] = new string('s', 256) }),
        ];
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public string Thumbprint { get; }

    public string AccessTokenHash { get; }

    public ImmutableArray<string> SessionProofs { get; }

    public ImmutableArray<string> ParentProofs { get; }

    public ImmutableArray<string> Forms { get; }

    public DpopProofExpectations Expect(bool parent) => new()
    {
        Method = "POST",
        Uri = Uri,
        Now = Time.GetUtcNow(),
        FreshnessWindow = TimeSpan.FromMinutes(5),
        ClockSkew = TimeSpan.FromSeconds(30),
        AccessTokenHash = parent ? AccessTokenHash : null,
        JwkThumbprint = parent ? Thumbprint : null,
    };

    public void Dispose() => _key.Dispose();

    private static string Encode(IReadOnlyDictionary<string, string> form) =>
        string.Join('&', form.Select(pair => System.Uri.EscapeDataString(pair.Key) + "=" + System.Uri.EscapeDataString(pair.Value)));
}
