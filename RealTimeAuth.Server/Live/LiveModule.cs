using RealTimeAuth.Server.Hosting;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Lifetimes;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The live channel: gRPC and its JSON/SSE twin, the stream hub and pump (options <c>LiveChannel</c>, validated at
/// start), and Kestrel's HTTP/2 (and HTTP/3 where QUIC exists). Decisions come from the Authorization module.
/// </summary>
public static class LiveModule
{
    public static IHostApplicationBuilder AddLive(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGrpc(grpc => grpc.EnableDetailedErrors = builder.Environment.IsDevelopment());
        services.AddValidatedOptions<LiveChannelOptions>(builder.Configuration, LiveChannelOptions.SectionName);
        services.AddSingleton<ILiveChannelEndpoints, LiveChannelEndpoints>();
        services.AddSingleton<StreamHub>();
        services.AddSingleton<IOpenStreams>(sp => sp.GetRequiredService<StreamHub>());
        services.AddSingleton<LivePump>();
        services.AddSingleton<StreamDrops>();
        services.AddSingleton<LiveProofs>();
        services.AddSingleton<TokenRetirement>();
        services.AddSingleton<StreamSupersession>();
        services.AddHostedService(sp => sp.GetRequiredService<StreamSupersession>());
        builder.ConfigureKestrelProtocols();
        return builder;
    }

    /// <summary>Maps the gRPC service <c>realtimeauth.v1.LiveChannel</c> and the JSON/SSE endpoints under <c>/live/v1</c>.</summary>
    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Each call's RTA token is checked by the service against the live session state.
        endpoints.MapGrpcService<LiveChannelService>().AllowAnonymous();
        endpoints.MapLiveApi();
        return endpoints;
    }
}
