using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Live;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class KestrelProtocolTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Kestrel_PlainEndpointNamedGrpc_ServesGrpcWithHttp2PriorKnowledge()
    {
        await using var root = await ServerFactory.CreateAsync(infrastructure, "kestrel_h2c");
        await using var factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Kestrel:Endpoints:grpc:Url", "http://127.0.0.1:0");
            builder.ConfigureServices((context, services) => services.AddKestrelProtocols(context.Configuration));
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var channel = GrpcChannel.ForAddress(address);

        // Any gRPC answer proves HTTP/2 without TLS; a refused token is the cheapest one.
        var refusal = await Assert.ThrowsAsync<RpcException>(async () => await new LiveChannel.LiveChannelClient(channel)
            .AuthorizeAsync(LiveAuthorizeTests.Read("documents"), deadline: DateTime.UtcNow + LiveServer.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal("token-missing", LiveStreams.Reason(refusal));
    }

    [Fact]
    public void TlsProtocols_WithoutQuic_AreHttp1AndHttp2()
    {
        var expected = System.Net.Quic.QuicListener.IsSupported ? HttpProtocols.Http1AndHttp2AndHttp3 : HttpProtocols.Http1AndHttp2;

        Assert.Equal(expected, KestrelProtocols.TlsProtocols());
    }
}
