using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// Remembers exchange nonces in Redis for <see cref="ExchangeOptions.NonceLifetime"/>; shared by all
/// replicas, so a nonce is accepted once cluster-wide. Keys hold a hash, never the nonce itself.
/// </summary>
internal sealed class NonceStore(IConnectionMultiplexer redis, IOptionsMonitor<ExchangeOptions> options)
{
    /// <summary>True the first time a client presents a nonce; false on every reuse.</summary>
    /// <exception cref="RedisException">Redis cannot say; the caller must refuse, not allow.</exception>
    public async Task<bool> TryConsumeAsync(string clientId, string nonce)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId}\n{nonce}"));
        var key = new RedisKey($"rta:nonce:{Convert.ToHexStringLower(digest)}");
        return await redis.GetDatabase().StringSetAsync(key, 1, options.CurrentValue.NonceLifetime, When.NotExists);
    }
}
