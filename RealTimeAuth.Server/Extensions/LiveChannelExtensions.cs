using Microsoft.Extensions.DependencyInjection.Extensions;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Live;

namespace RealTimeAuth.Server.Extensions;

public static class LiveChannelExtensions
{
    /// <summary>
    /// The live channel: gRPC, the stream hub, the decider (session scopes; <c>AddAuthZen</c> replaces it with
    /// scopes plus the active policy), options <c>LiveChannel</c> validated at start, and Kestrel's HTTP/2
    /// (and HTTP/3 where QUIC exists). Needs <c>AddSessionCore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddLiveChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLiveChannelServices(builder.Configuration, detailedErrors: builder.Environment.IsDevelopment());
        builder.ConfigureKestrelProtocols();
        return builder;
    }

    /// <summary>Maps the gRPC service <c>realtimeauth.v1.LiveChannel</c> and the JSON/SSE endpoints under <c>/live/v1</c>.</summary>
    public static WebApplication MapLiveChannel(this WebApplication app)
    {
        app.MapLiveChannelEndpoints();
        return app;
    }

    internal static IServiceCollection AddLiveChannelServices(this IServiceCollection services, IConfiguration configuration, bool detailedErrors)
    {
        services.AddGrpc(grpc => grpc.EnableDetailedErrors = detailedErrors);
        services.AddValidatedOptions<LiveChannelOptions>(configuration, LiveChannelOptions.SectionName);
        services.TryAddSingleton<IAuthorizationDecider, ScopeAuthorizationDecider>();
        services.TryAddSingleton<SessionAuthorizer>();
        services.TryAddSingleton<StreamHub>();
        services.TryAddSingleton<LivePump>();
        return services;
    }

    internal static IEndpointRouteBuilder MapLiveChannelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Each call's RTA token is checked by the service against the live session state.
        endpoints.MapGrpcService<LiveChannelService>().AllowAnonymous();
        endpoints.MapLiveApi();
        return endpoints;
    }
}
