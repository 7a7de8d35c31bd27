using RealTimeAuth.Sdk.Live;

namespace RealTimeAuth.Sdk.Tests;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(3, 800)]
    [InlineData(6, 5000)]
    [InlineData(1000, 5000)]
    public void Ceiling_Attempt_DoublesUpToMax(int attempt, int expectedMilliseconds)
    {
        var backoff = new ReconnectBackoff(Base, Max, new Random(1));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), backoff.Ceiling(attempt));
    }

    [Fact]
    public void NextDelay_ManyDraws_SpreadUniformlyBelowCeiling()
    {
        var backoff = new ReconnectBackoff(Base, Max, new Random(7));

        var delays = Enumerable.Range(0, 2000).Select(_ => backoff.NextDelay(3)).ToArray();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(800)));
        Assert.Contains(delays, delay => delay < TimeSpan.FromMilliseconds(100));
        Assert.Contains(delays, delay => delay > TimeSpan.FromMilliseconds(700));
    }
}
