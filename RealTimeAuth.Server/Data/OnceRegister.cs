using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Data;

/// <summary>
/// Remembers one-time values in Redis, so every replica agrees a value was used: the first claim of a mark succeeds and
/// every later one within its lifetime fails. A key holds a SHA-256 of the value, never the value itself, because the
/// values are nonces and proof identifiers a reader of Redis should not be able to replay.
/// </summary>
public sealed class OnceRegister(IConnectionMultiplexer redis)
{
    /// <summary>True the first time the mark is claimed; false on every reuse.</summary>
    /// <exception cref="RedisException">Redis cannot say; the caller must refuse, not allow.</exception>
    public Task<bool> TryClaimAsync(OnceMark mark) =>
        redis.GetDatabase().StringSetAsync(KeyOf(mark), 1, mark.Lifetime, When.NotExists);

    /// <summary>
    /// Claims every mark in one round trip (a pipelined batch of <c>SET NX</c>); each result says whether that mark was
    /// new. A mark claimed here stays claimed even when another in the batch was not new, as a used value should.
    /// </summary>
    /// <exception cref="RedisException">Redis cannot say; the caller must refuse, not allow.</exception>
    public async Task<bool[]> TryClaimAllAsync(IReadOnlyList<OnceMark> marks)
    {
        if (marks.Count == 1)
        {
            return [await TryClaimAsync(marks[0])];
        }

        var batch = redis.GetDatabase().CreateBatch();
        var claims = new Task<bool>[marks.Count];
        for (var i = 0; i < marks.Count; i++)
        {
            claims[i] = batch.StringSetAsync(KeyOf(marks[i]), 1, marks[i].Lifetime, When.NotExists);
        }

        batch.Execute();
        return await Task.WhenAll(claims);
    }

    private static RedisKey KeyOf(OnceMark mark)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(mark.Value), digest);
        return new RedisKey($"rta:{mark.Scope}:{Convert.ToHexStringLower(digest)}");
    }
}
