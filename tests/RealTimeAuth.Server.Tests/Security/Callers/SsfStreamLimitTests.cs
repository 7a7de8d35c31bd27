using System.Net;
using System.Text;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Server.Tests.Security.Limits;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Callers;

/// <summary>
/// <c>POST /ssf/events</c> is limited per SSF stream once the push is authenticated: stream A meets its limit from two
/// addresses, stream B keeps its own budget, a push with a wrong Authorization spends nothing, and a stream named by
/// its issuer in <c>RateLimits:Clients</c> takes its own rule.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class SsfStreamLimitTests(InfrastructureFixture infrastructure)
{
    private const int Burst = CallerLimitServer.Burst;
    private const string IssuerA = "https://transmitter-a.test/";
    private const string IssuerB = "https://transmitter-b.test/";
    private const string StreamA = "Bearer stream-a-push-secret-0123456789";
    private const string StreamB = "Bearer stream-b-push-secret-0123456789";

    [Fact]
    public async Task SetPush_OneStreamFromTwoAddresses_Is429StreamRateLimitedAndOtherStreamIsNot()
    {
        await using var server = await StartAsync("callers_ssf_two", CallerLimitServer.TinyPerClient("Ssf", Transmitters()));
        using var rejections = new CounterTotal(server.Service<RequestLimitMetrics>().Rejections);
        using var first = CallerLimitServer.From(server, CallerLimitServer.FirstAddress);
        using var second = CallerLimitServer.From(server, CallerLimitServer.SecondAddress);

        var answers = await CallerLimitServer.SendAsync(Burst - 1, () => PushAsync(first, StreamA));
        answers.AddRange(await CallerLimitServer.SendAsync(1, () => PushAsync(second, StreamA)));
        using var refused = await PushAsync(second, StreamA).WaitAsync(LiveServer.Timeout);
        var other = await CallerLimitServer.SendAsync(Burst, () => PushAsync(second, StreamB));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a positive Retry-After.");
        var body = await LimitProblems.JsonAsync(refused);
        Assert.Equal("invalid_request", LimitProblems.Text(body, "err"));
        Assert.StartsWith(RequestLimitReasons.StreamRateLimited + ":", LimitProblems.Text(body, "description"), StringComparison.Ordinal);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, other);
        Assert.Equal(1, rejections.Value);
    }

    [Fact]
    public async Task SetPush_WrongAuthorization_SpendsNothingOfAnyStreamsBudget()
    {
        await using var server = await StartAsync("callers_ssf_spoof", CallerLimitServer.TinyPerClient("Ssf", Transmitters()));
        using var client = CallerLimitServer.From(server, CallerLimitServer.FirstAddress);

        var spoofed = await CallerLimitServer.SendAsync(Burst * 3, () => PushAsync(client, "Bearer not-a-stream-secret"));
        var genuine = await CallerLimitServer.SendAsync(Burst + 1, () => PushAsync(client, StreamA));

        Assert.All(spoofed, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, genuine.Take(Burst));
        Assert.Equal(HttpStatusCode.TooManyRequests, genuine[^1]);
    }

    [Fact]
    public async Task SetPush_StreamNamedByIssuer_TakesItsOwnRule()
    {
        var settings = new Dictionary<string, string>(Transmitters())
        {
            ["RateLimits:Clients:transmitter-b:Issuer"] = IssuerB,
            ["RateLimits:Clients:transmitter-b:Ssf:Burst"] = "1",
            ["RateLimits:Clients:transmitter-b:Ssf:TokensPerPeriod"] = "1",
            ["RateLimits:Clients:transmitter-b:Ssf:Period"] = "01:00:00",
        };
        await using var server = await StartAsync("callers_ssf_override", settings);
        using var client = CallerLimitServer.From(server, CallerLimitServer.FirstAddress);

        var streamB = await CallerLimitServer.SendAsync(2, () => PushAsync(client, StreamB));
        var streamA = await CallerLimitServer.SendAsync(Burst, () => PushAsync(client, StreamA));

        Assert.NotEqual(HttpStatusCode.TooManyRequests, streamB[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, streamB[1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, streamA);
    }

    private async Task<LiveServer> StartAsync(string name, Dictionary<string, string> settings)
    {
        var server = await LiveServer.StartOnKestrelAsync(infrastructure, name, settings);
        var catalog = server.Service<SsfStreamCatalog>();
        Assert.True(
            await LiveServer.EventuallyAsync(() => catalog.IsLoaded && !catalog.AuthenticatePush(StreamA).IsEmpty && !catalog.AuthenticatePush(StreamB).IsEmpty),
            "The two push streams were not loaded.");
        return server;
    }

    private static Dictionary<string, string> Transmitters() => new()
    {
        ["SharedSignals:Transmitters:0:Issuer"] = IssuerA,
        ["SharedSignals:Transmitters:0:JwksUri"] = IssuerA + "jwks.json",
        ["SharedSignals:Transmitters:0:Audience"] = "https://rta.test/ssf",
        ["SharedSignals:Transmitters:0:PushAuthorization"] = StreamA,
        ["SharedSignals:Transmitters:1:Issuer"] = IssuerB,
        ["SharedSignals:Transmitters:1:JwksUri"] = IssuerB + "jwks.json",
        ["SharedSignals:Transmitters:1:Audience"] = "https://rta.test/ssf",
        ["SharedSignals:Transmitters:1:PushAuthorization"] = StreamB,
    };

    /// <summary>A push that authenticates as a stream and carries a SET that does not validate: refused 400 after it is counted.</summary>
    private static Task<HttpResponseMessage> PushAsync(HttpClient client, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/ssf/events")
        {
            Content = new StringContent("e30.e30.c2ln", Encoding.ASCII, "application/secevent+jwt"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request);
    }
}
