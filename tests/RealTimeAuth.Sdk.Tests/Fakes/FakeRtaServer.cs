using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>
/// A RealTimeAuth server stand-in on Kestrel at 127.0.0.1: the token endpoint over HTTP/1.1 on one port, the
/// live channel over HTTP/2 cleartext (h2c, prior knowledge) on another, as the SDK would meet them behind TLS+ALPN.
/// </summary>
internal sealed class FakeRtaServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeRtaServer(WebApplication app, FakeTokenEndpoint tokens, Uri httpAddress, Uri grpcAddress)
    {
        _app = app;
        Tokens = tokens;
        HttpAddress = httpAddress;
        GrpcAddress = grpcAddress;
        Tokens.GrpcAddress = grpcAddress.AbsoluteUri;
    }

    public FakeTokenEndpoint Tokens { get; }

    public FakeLiveChannel Live => _app.Services.GetRequiredService<FakeLiveChannel>();

    /// <summary>The token endpoint's base address (HTTP/1.1).</summary>
    public Uri HttpAddress { get; }

    /// <summary>The live channel's address (h2c).</summary>
    public Uri GrpcAddress { get; }

    /// <summary>Starts on free ports, or on the given ones to stand in for a restarted server.</summary>
    public static async Task<FakeRtaServer> StartAsync(int httpPort = 0, int grpcPort = 0)
    {
        ListenOptions? http1 = null;
        ListenOptions? http2 = null;
        var tokens = new FakeTokenEndpoint();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Stopping is a crash, not a drain: connections a reconnecting client keeps open are aborted after a moment
        // instead of being waited for (on a loaded machine the graceful wait outran the test's timeout).
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => (http1 = listen).Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => (http2 = listen).Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton<FakeLiveChannel>();
        var app = builder.Build();
        app.MapGrpcService<FakeLiveChannel>();
        app.MapPost(RtaExchangeNames.TokenEndpointPath, tokens.HandleAsync);
        await app.StartAsync().WaitAsync(TestTimeouts.Default);

        var server = new FakeRtaServer(app, tokens, new Uri($"http://127.0.0.1:{http1!.IPEndPoint!.Port}/"), new Uri($"http://127.0.0.1:{http2!.IPEndPoint!.Port}/"));
        return server;
    }

    public RtaClientOptions CreateOptions() => new()
    {
        ServerAddress = HttpAddress,
        ClientId = "agent:mail triage",
        ClientSecret = "s3cret/+ü",
        AllowInsecureHttp = true,
        Agent = new RtaAgentIdentity { Id = "mail-triage-7", Name = "Mail triage", Kind = "agent", Software = "tests/1.0" },
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Stops the server the way a crash would: open streams are broken, not drained.</summary>
    public async ValueTask DisposeAsync()
    {
        Live.AbortAll();
        await _app.StopAsync().WaitAsync(TestTimeouts.Default);
        await _app.DisposeAsync();
    }
}
