using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Scenarios.Attacks;

/// <summary>
/// The simulator's session keys, with a tap: ordinary non-exportable Ed25519 keys, but every proof they sign is also
/// kept here, by the <c>ath</c> it carries, as an observer on the agent's connection would see it. The stolen-token
/// scenario replays these proofs; the agents never learn of it. Only the latest proof per token is kept, and the
/// private keys stay inside NSec as the SDK's own would.
/// </summary>
internal sealed class ProofTap : IRtaSessionKeyFactory
{
    private readonly ConcurrentDictionary<string, string> _latestByTokenHash = new(StringComparer.Ordinal);

    public IDpopSigningKey CreateSessionKey() => new TappedKey(this);

    /// <summary>The latest proof an agent sent with the token whose <see cref="DpopAccessTokenHash"/> is <paramref name="tokenHash"/>.</summary>
    public string? LatestProofFor(string tokenHash) => _latestByTokenHash.GetValueOrDefault(tokenHash);

    private void Record(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        var input = Encoding.ASCII.GetString(signingInput);
        var payload = input[(input.IndexOf('.', StringComparison.Ordinal) + 1)..];
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
        if (claims.RootElement.TryGetProperty("ath", out var ath) && ath.GetString() is { } tokenHash)
        {
            _latestByTokenHash[tokenHash] = $"{input}.{Base64Url.EncodeToString(signature)}";
        }
    }

    private sealed class TappedKey : IDpopSigningKey, IDisposable
    {
        private readonly ProofTap _tap;
        private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
        private readonly byte[] _publicKey;

        public TappedKey(ProofTap tap)
        {
            _tap = tap;
            _publicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        }

        public ReadOnlySpan<byte> PublicKey => _publicKey;

        public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
        {
            SignatureAlgorithm.Ed25519.Sign(_key, data, signature);
            _tap.Record(data, signature[..SignatureAlgorithm.Ed25519.SignatureSize]);
        }

        public void Dispose() => _key.Dispose();
    }
}
