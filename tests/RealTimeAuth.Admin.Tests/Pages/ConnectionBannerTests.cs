using System.IO.Pipelines;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RealTimeAuth.Admin.Components.Shared;
using RealTimeAuth.Admin.Live;

namespace RealTimeAuth.Admin.Tests.Pages;

public sealed class ConnectionBannerTests : ConsoleTestContext
{
    private readonly FakeAdminApi _server = new();
    private readonly AdminStreamClient _stream;
    private readonly Pipe _body = new();

    public ConnectionBannerTests()
    {
        SignIn("rta-auditor");
        _stream = new AdminStreamClient(new HttpClient(_server) { BaseAddress = new Uri("http://server.test/") }, TimeProvider.System, NullLogger<AdminStreamClient>.Instance);
        Services.AddSingleton(_stream);
    }

    [Fact]
    public async Task Banner_StreamLost_ShowsWarning_ThenRecoversWhenTheServerAnswers()
    {
        _server.Status("admin/v1/stream", HttpStatusCode.ServiceUnavailable);

        var banner = Render<ConnectionBanner>();

        banner.WaitForAssertion(() => Assert.NotNull(banner.Find("[data-testid=connection-lost]")), Wait.Render);
        _server.Respond("admin/v1/stream", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(_body.Reader.AsStream()) });
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=connection-lost]")), TimeSpan.FromSeconds(10));
        Assert.Equal(StreamState.Connected, _stream.State);
        await _body.Writer.CompleteAsync();
        await _stream.DisposeAsync();
    }

    [Fact]
    public async Task Banner_ServerRefusesToken_AsksToSignInAgain()
    {
        _server.Status("admin/v1/stream", HttpStatusCode.Unauthorized);

        var banner = Render<ConnectionBanner>();

        banner.WaitForAssertion(() => Assert.Contains("Sign in again", banner.Find("[data-testid=connection-signed-out]").TextContent, StringComparison.Ordinal), Wait.Render);
        await _stream.DisposeAsync();
    }
}
