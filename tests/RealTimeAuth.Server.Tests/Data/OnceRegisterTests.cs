using RealTimeAuth.Server.Data;
using RealTimeAuth.Testing;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Tests.Data;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class OnceRegisterTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task TryClaim_SameMarkTwice_OnlyTheFirstIsNew()
    {
        var register = new OnceRegister(_redis);
        var mark = new OnceMark("test", Guid.NewGuid().ToString(), Lifetime);

        Assert.True(await register.TryClaimAsync(mark));
        Assert.False(await register.TryClaimAsync(mark));
    }

    [Fact]
    public async Task TryClaimAll_MixOfNewAndUsed_SaysWhichWereNewAndSpendsTheNewOnes()
    {
        var register = new OnceRegister(_redis);
        var used = new OnceMark("test", Guid.NewGuid().ToString(), Lifetime);
        var fresh = new OnceMark("test", Guid.NewGuid().ToString(), Lifetime);
        await register.TryClaimAsync(used);

        var claimed = await register.TryClaimAllAsync([fresh, used]);

        Assert.Equal([true, false], claimed);
        Assert.False(await register.TryClaimAsync(fresh));
    }

    [Fact]
    public async Task TryClaim_SameValueInAnotherScope_IsNew()
    {
        var register = new OnceRegister(_redis);
        var value = Guid.NewGuid().ToString();

        var claimed = await register.TryClaimAllAsync([new OnceMark("nonce", value, Lifetime), new OnceMark("dpop", value, Lifetime)]);

        Assert.Equal([true, true], claimed);
    }

    [Fact]
    public async Task TryClaim_StoresAHashNeverTheValue()
    {
        var register = new OnceRegister(_redis);
        var value = $"secret-{Guid.NewGuid()}";

        await register.TryClaimAsync(new OnceMark("test", value, Lifetime));

        var server = _redis.GetServer(_redis.GetEndPoints()[0]);
        var keys = server.Keys(pattern: "rta:test:*").Select(key => key.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, key => key.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TryClaim_GivesEachMarkItsLifetime()
    {
        var register = new OnceRegister(_redis);
        var value = Guid.NewGuid().ToString();

        await register.TryClaimAllAsync([new OnceMark("ttl", value, TimeSpan.FromSeconds(30)), new OnceMark("ttl2", value, TimeSpan.FromMinutes(5))]);

        var server = _redis.GetServer(_redis.GetEndPoints()[0]);
        var ttls = await Task.WhenAll(new[] { "rta:ttl:*", "rta:ttl2:*" }
            .Select(pattern => _redis.GetDatabase().KeyTimeToLiveAsync(server.Keys(pattern: pattern).First())));
        Assert.InRange(ttls[0]!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.InRange(ttls[1]!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }
}
