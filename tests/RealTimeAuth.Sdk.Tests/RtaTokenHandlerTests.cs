using System.Net;
using RealTimeAuth.Sdk.Tests.Fakes;

namespace RealTimeAuth.Sdk.Tests;

[Trait("Tier", "Functional")]
public sealed class RtaTokenHandlerTests : SdkTestBase
{
    [Fact]
    public async Task SendAsync_ClientConnected_AttachesCurrentTokenAndFollowsRefresh()
    {
        var rta = await ConnectAsync("mail:read");
        var inner = new RecordingHandler();
        using var http = new HttpClient(new RtaTokenHandler(rta, inner));
        await http.GetAsync(new Uri("https://tools.example/mail")).WaitAsync(TestTimeouts.Default);
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        var fresh = FakeTokens.Create(2);
        stream.PushRefresh(1, fresh, 2);
        await stream.NextAckAsync();

        await http.GetAsync(new Uri("https://tools.example/mail")).WaitAsync(TestTimeouts.Default);

        Assert.Equal(2, inner.Authorizations.Count);
        Assert.NotEqual(fresh, inner.Authorizations[0]!.Parameter);
        Assert.Equal("RTA", inner.Authorizations[1]!.Scheme);
        Assert.Equal(fresh, inner.Authorizations[1]!.Parameter);
    }

    [Fact]
    public async Task SendAsync_AccessorWithoutClient_ThrowsWithoutSending()
    {
        var inner = new RecordingHandler();
        using var http = new HttpClient(new RtaTokenHandler(new RtaClientAccessor(), inner));

        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(new Uri("https://tools.example/mail")));

        Assert.Empty(inner.Authorizations);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<System.Net.Http.Headers.AuthenticationHeaderValue?> Authorizations { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
