using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Health;
using RealTimeAuth.Server.Keys;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Tokens;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Extensions;

internal static class CoreServiceExtensions
{
    /// <summary>Sessions, the event log and its replication, signing keys and token validation.</summary>
    public static IHostApplicationBuilder AddSessionCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingletonTimeProvider();
        services.AddValidatedOptions<ReplicaOptions>(builder.Configuration, ReplicaOptions.SectionName);
        services.AddValidatedOptions<SigningKeyOptions>(builder.Configuration, SigningKeyOptions.SectionName);
        services.AddValidatedOptions<DelegationOptions>(builder.Configuration, DelegationOptions.SectionName);
        services.AddOptions<RtaTokenValidationOptions>()
            .Bind(builder.Configuration.GetSection("Tokens"))
            .Validate(ValidateTokenOptions, "Tokens:FreshnessWindow and Tokens:ClockSkew must be positive.")
            .ValidateOnStart();

        services.AddSingleton<RtaServerTelemetry>();
        services.AddSingleton<ReplicaIdentity>();
        services.AddSingleton<RtaKeyRing>();
        services.AddSingleton<PrivateKeyProtector>();
        services.AddSingleton<SigningKeyStore>();
        services.AddHostedService<KeyRotationService>();
        services.AddSingleton(sp => new RtaTokenIssuer(sp.GetRequiredService<RtaKeyRing>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RtaTokenValidator(
            sp.GetRequiredService<RtaKeyRing>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<RtaTokenValidationOptions>>().Value));

        services.AddSingleton<SessionCache>();
        services.AddSingleton<EventLogWriter>();
        services.AddSingleton<EventAnnouncer>();
        services.AddSingleton<ReplicaSynchronizer>();
        services.AddSingleton<IReplicaCurrency>(sp => sp.GetRequiredService<ReplicaSynchronizer>());
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaSynchronizer>());
        services.AddSingleton<SessionTokenIssuer>();
        services.AddSingleton<SessionTokenValidator>();
        services.AddScoped<SessionService>();

        services.AddHealthChecks().AddCheck<ReplicaHealthCheck>("replica", tags: ["ready"]);
        return builder;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static bool ValidateTokenOptions(RtaTokenValidationOptions options) =>
        options.FreshnessWindow > TimeSpan.Zero && options.ClockSkew >= TimeSpan.Zero;
}
