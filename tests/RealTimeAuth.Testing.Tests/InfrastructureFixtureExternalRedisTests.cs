using Xunit;
using Xunit.Sdk;

namespace RealTimeAuth.Testing.Tests;

public sealed class InfrastructureFixtureExternalRedisTests
{
    private readonly InfrastructureFixture _fixture = new(new NullMessageSink(), externalPostgres: null, externalRedis: "127.0.0.1:1");

    [Fact]
    public async Task RestartRedisAsync_ExternalRedis_ThrowsNotSupportedNamingVariable()
    {
        var exception = await Assert.ThrowsAsync<NotSupportedException>(_fixture.RestartRedisAsync);

        Assert.Contains("RTA_TEST_REDIS", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task StopRedisAsync_ExternalRedis_ThrowsNotSupported() =>
        Assert.ThrowsAsync<NotSupportedException>(_fixture.StopRedisAsync);

    [Fact]
    public void RedisConnectionString_ExternalRedis_IsTheConfiguredValue() =>
        Assert.Equal("127.0.0.1:1", _fixture.RedisConnectionString);
}
