using StackExchange.Redis;
using Xunit;

namespace RealTimeAuth.Testing.Tests;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class RedisTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RedisConnectionString_SetThenGet_ReturnsValue()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        var database = redis.GetDatabase();
        var key = NewKey();

        await database.StringSetAsync(key, "value", TimeSpan.FromMinutes(1));

        Assert.Equal("value", (string?)await database.StringGetAsync(key));
    }

    [OwnedRedisFact]
    public async Task RestartRedisAsync_AfterSet_AnswersAgainWithDataGone()
    {
        var key = NewKey();
        await using (var before = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString))
        {
            await before.GetDatabase().StringSetAsync(key, "value", TimeSpan.FromMinutes(1));
        }

        await infrastructure.RestartRedisAsync();

        await using var after = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        var database = after.GetDatabase();
        Assert.False(await database.KeyExistsAsync(key));
        await database.StringSetAsync(key, "again", TimeSpan.FromMinutes(1));
        Assert.Equal("again", (string?)await database.StringGetAsync(key));
    }

    [OwnedRedisFact]
    public async Task StopRedisAsync_ThenStartRedisAsync_RefusesWhileStoppedAndAnswersAfter()
    {
        var options = ConfigurationOptions.Parse(infrastructure.RedisConnectionString);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 1_000;

        await infrastructure.StopRedisAsync();
        try
        {
            await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(options));
        }
        finally
        {
            await infrastructure.StartRedisAsync();
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        Assert.True(await redis.GetDatabase().PingAsync() < TimeSpan.FromSeconds(5));
    }

    [OwnedRedisFact]
    public async Task RestartRedisAsync_OpenConnection_ReconnectsOnSamePort()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        var database = redis.GetDatabase();
        var key = NewKey();

        await infrastructure.RestartRedisAsync();

        RedisConnectionException? lastFailure = null;
        var written = await Eventually.UntilAsync(
            async () =>
            {
                try
                {
                    await database.StringSetAsync(key, "reconnected", TimeSpan.FromMinutes(1));
                    return true;
                }
                catch (RedisConnectionException exception)
                {
                    lastFailure = exception;
                    return false;
                }
            },
            ReconnectTimeout,
            interval: TimeSpan.FromMilliseconds(100));

        Assert.True(written, $"No write within {ReconnectTimeout.TotalSeconds:0} s of the restart: {lastFailure}");
        Assert.Equal("reconnected", (string?)await database.StringGetAsync(key));
    }

    private static string NewKey() => $"rta-testing-tests:{Guid.NewGuid():N}";
}
