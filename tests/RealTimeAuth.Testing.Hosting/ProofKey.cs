using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// A session key as an agent holds it in tests: a fresh Ed25519 key and the writer of its DPoP proofs. The exchange
/// helpers make one for every new session and hand it back with the outcome, so a test can prove possession later
/// (a child exchange, a stream, an authorize).
/// </summary>
public sealed class ProofKey : IDpopSigningKey, IDisposable
{
    private readonly Key _key;

    private readonly byte[] _publicKey;

    private ProofKey(Key key, TimeProvider clock)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        Writer = new DpopProofWriter(key, clock);
    }

    /// <inheritdoc />
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Writes this key's proofs.</summary>
    public DpopProofWriter Writer { get; }

    /// <summary>The RFC 7638 thumbprint the server binds a session made with this key to.</summary>
    public string Thumbprint => Writer.JwkThumbprint;

    /// <summary>A new key; <paramref name="clock"/> stamps its proofs' <c>iat</c> (shift it for stale or future proofs).</summary>
    public static ProofKey Create(TimeProvider? clock = null) =>
        new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None }), clock ?? TimeProvider.System);

    /// <summary>A proof for <c>POST</c> to <paramref name="uri"/>, with <c>ath</c> of <paramref name="accessToken"/> when given.</summary>
    public string ProvePost(Uri uri, string? accessToken = null) =>
        Writer.Write(HttpMethod.Post.Method, uri.AbsoluteUri, accessToken is null ? null : DpopAccessTokenHash.Compute(accessToken));

    /// <summary>A proof for <paramref name="method"/> on <paramref name="uri"/>, with <c>ath</c> of <paramref name="accessToken"/> when given.</summary>
    public string Prove(HttpMethod method, Uri uri, string? accessToken = null) =>
        Writer.Write(method.Method, uri.AbsoluteUri, accessToken is null ? null : DpopAccessTokenHash.Compute(accessToken));

    /// <inheritdoc />
    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => SignatureAlgorithm.Ed25519.Sign(_key, data, signature);

    public void Dispose() => _key.Dispose();
}
