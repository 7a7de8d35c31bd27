using Microsoft.Extensions.Logging.Abstractions;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.SharedSignals;

namespace RealTimeAuth.Fuzz.Tests.SharedSignals;

/// <summary>
/// Found by the SET target (seed 6othyiRJlvq2, two threads validating the first SETs at once): while the first read of
/// a transmitter's keys was still under way, a second SET saw "no keys, attempted a moment ago" and was refused with
/// <see cref="TransmitterUnavailableException"/> (a 503 at the push endpoint). It now waits for that read.
/// </summary>
public sealed class KeyStoreRaceRegressionTests
{
    [Fact]
    public async Task FindAsync_SecondCallWhileTheFirstReadIsUnderWay_WaitsAndFindsTheKey()
    {
        using var corpus = new SetCorpus();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = Store(corpus, new GatedHandler(release.Task) { InnerHandler = corpus.Documents });

        var first = store.FindAsync(corpus.Stream, SetSigner.KeyId, CancellationToken.None);
        var second = store.FindAsync(corpus.Stream, SetSigner.KeyId, CancellationToken.None);
        release.SetResult();

        Assert.Single(await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(await second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, corpus.Documents.RequestsFor(TestStreams.JwksUri));
    }

    [Fact]
    public async Task FindAsync_RightAfterAFailedRead_RefusesWithoutReadingAgain()
    {
        using var corpus = new SetCorpus();
        var store = Store(corpus, new TransmitterDocuments());

        await Assert.ThrowsAsync<TransmitterUnavailableException>(() => store.FindAsync(corpus.Stream, SetSigner.KeyId, CancellationToken.None));
        var again = await Assert.ThrowsAsync<TransmitterUnavailableException>(() => store.FindAsync(corpus.Stream, SetSigner.KeyId, CancellationToken.None));

        Assert.Contains("a moment ago", again.Message, StringComparison.Ordinal);
    }

    private static TransmitterKeyStore Store(SetCorpus corpus, HttpMessageHandler handler) => new(
        new StubHttpClientFactory(handler), new StaticOptionsMonitor<SharedSignalsOptions>(corpus.Options), new ProductionEnvironment(),
        corpus.Time, NullLogger<TransmitterKeyStore>.Instance);

    private sealed class GatedHandler(Task release) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await release.WaitAsync(cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
