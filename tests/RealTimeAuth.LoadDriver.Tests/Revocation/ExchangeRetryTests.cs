using System.Net;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.LoadDriver.Tests.Revocation;

public sealed class ExchangeRetryTests
{
    [Fact]
    public async Task Retries_a_connect_the_server_refused_while_catching_up()
    {
        var attempts = 0;

        var connected = await ExchangeRetry.RunAsync(
            () => ++attempts < 3 ? throw CatchingUp() : Task.FromResult("connected"), CancellationToken.None);

        Assert.Equal(("connected", 3), (connected, attempts));
    }

    [Fact]
    public async Task Gives_up_after_its_attempts()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<RtaExchangeException>(() => ExchangeRetry.RunAsync<string>(
            () =>
            {
                attempts++;
                throw CatchingUp();
            },
            CancellationToken.None));

        Assert.Equal(ExchangeRetry.Attempts, attempts);
    }

    [Fact]
    public async Task Does_not_retry_any_other_refusal()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<RtaExchangeException>(() => ExchangeRetry.RunAsync<string>(
            () =>
            {
                attempts++;
                throw new RtaExchangeException("invalid_grant", "bad subject token", HttpStatusCode.BadRequest);
            },
            CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    private static RtaExchangeException CatchingUp() =>
        new("temporarily_unavailable", "replica-not-current: The server is catching up; retry shortly.", HttpStatusCode.ServiceUnavailable);
}
