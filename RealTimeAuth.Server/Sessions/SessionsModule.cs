using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Hosting;
using RealTimeAuth.Server.Sessions.Binding;
using RealTimeAuth.Server.Sessions.Lifetimes;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Sessions;

/// <summary>Sessions and their tokens: the cache kept by the event log, creation, revocation, context updates, RTAToken issue and validation.</summary>
public static class SessionsModule
{
    /// <summary>Needs an <see cref="ISessionPermissionPolicy"/> (the Authorization module registers it).</summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DelegationOptions>(builder.Configuration, DelegationOptions.SectionName);
        services.AddOptions<RtaTokenValidationOptions>()
            .Bind(builder.Configuration.GetSection("Tokens"))
            .Validate(ValidateTokenOptions, "Tokens:FreshnessWindow and Tokens:ClockSkew must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp => new RtaTokenIssuer(sp.GetRequiredService<RtaKeyRing>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RtaTokenValidator(
            sp.GetRequiredService<RtaKeyRing>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<RtaTokenValidationOptions>>().Value));

        services.AddValidatedOptions<BindingOptions>(builder.Configuration, BindingOptions.SectionName);
        services.AddSingleton<OnceRegister>();
        services.AddSingleton<ProofNonces>();
        services.AddSingleton<ProofVerifier>();

        services.AddValidatedOptions<SessionLifetimeOptions>(builder.Configuration, SessionLifetimeOptions.SectionName);
        services.AddSingleton<SessionLifetimePolicy>();
        services.AddSingleton<SessionActivity>();
        services.AddHostedService<SessionActivityFlusher>();
        services.AddHostedService<SessionExpirySweeper>();

        services.AddSingleton<SessionCache>();
        services.AddHostedService<SessionCacheEviction>();
        services.AddSingleton<IEventLogObserver, SessionLogObserver>();
        services.AddSingleton<SessionTokenIssuer>();
        services.AddSingleton<SessionTokenValidator>();
        services.AddScoped<SessionChangePublisher>();
        services.AddSingleton<SessionInsertBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionInsertBatcher>());
        services.AddScoped<SessionCreator>();
        services.AddScoped<SessionRevocations>();
        services.AddScoped<SessionContextUpdates>();
        services.AddScoped<SessionTokenRefresher>();
        services.AddScoped<SessionTokenRetirements>();
        return builder;
    }

    private static bool ValidateTokenOptions(RtaTokenValidationOptions options) =>
        options.FreshnessWindow > TimeSpan.Zero && options.ClockSkew >= TimeSpan.Zero;
}
