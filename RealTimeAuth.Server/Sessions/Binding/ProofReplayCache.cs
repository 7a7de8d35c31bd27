using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>
/// The <c>jti</c> values of accepted proofs, in Redis and so shared by every replica, each kept for the proof lifetime
/// (after that its proof is refused as stale anyway). Keys hold a hash of key thumbprint and <c>jti</c>, never the proof.
/// </summary>
public sealed class ProofReplayCache(IConnectionMultiplexer redis)
{
    /// <summary>True the first time the key presents the <c>jti</c>; false on every reuse.</summary>
    /// <exception cref="RedisException">Redis cannot say; the caller must refuse, not allow.</exception>
    public async Task<bool> TryConsumeAsync(string keyThumbprint, string jti, TimeSpan lifetime)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{keyThumbprint}\n{jti}"), digest);
        var key = new RedisKey($"rta:dpop:{Convert.ToHexStringLower(digest)}");
        return await redis.GetDatabase().StringSetAsync(key, 1, lifetime, When.NotExists);
    }
}
