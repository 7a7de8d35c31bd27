using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Admin;
using RealTimeAuth.Server.SharedSignals.Client;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Subjects;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.Extensions;

public static class SharedSignalsExtensions
{
    /// <summary>
    /// The Shared Signals receiver: trusted transmitters (options <c>SharedSignals</c>, validated at start), SET
    /// validation, the durable applier and the effects, and the access gate the token exchange asks. Needs <c>AddSessionCore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSharedSignals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSharedSignalsServices(builder.Configuration);
        return builder;
    }

    /// <summary>Maps <c>POST /ssf/events</c> (RFC 8935 push) and the read-only admin endpoints under <c>/admin/v1/ssf</c>.</summary>
    public static IEndpointRouteBuilder MapSharedSignals(this IEndpointRouteBuilder app) =>
        app.MapSetPushApi().MapSharedSignalsAdminApi().MapSsfStreamAdminApi();

    internal static IServiceCollection AddSharedSignalsServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SharedSignalsOptions>(configuration, SharedSignalsOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SharedSignalsOptions>, SharedSignalsOptionsValidator>());
        // Transmitter calls have their own timeouts (long polls wait up to PollWait) and their own backoff; the service
        // defaults' resilience handler would cut a long poll at its attempt timeout and retry calls the caller retries anyway.
        // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001); it is the supported way to opt one client out.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(TransmitterKeyStore.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        services.TryAddSingleton<SsfStreamCatalog>();
        services.TryAddSingleton<TransmitterKeyStore>();
        services.TryAddSingleton<SetValidator>();
        services.TryAddSingleton<SetArrivalSignal>();
        services.AddHostedService<SsfStreamSynchronizer>();
        services.AddSingleton<PushAuthenticator>();
        services.TryAddSingleton<SsfTransmitterClient>();
        services.TryAddSingleton<SsfStreamSetup>();
        services.TryAddSingleton<SsfPoller>();
        services.TryAddSingleton<SsfStreamManagerAccessor>();
        services.AddSingleton<SsfStreamManager>();
        services.AddHostedService(sp => sp.GetRequiredService<SsfStreamManager>());
        services.AddSingleton<SetApplier>();
        services.AddHostedService(sp => sp.GetRequiredService<SetApplier>());

        services.TryAddScoped<ReceivedSetStore>();
        services.TryAddScoped<SetProcessor>();
        services.TryAddScoped<SubjectResolver>();
        services.TryAddScoped<SubjectStatusStore>();
        services.TryAddScoped<ISubjectAccessGate, SubjectAccessGate>();
        services.TryAddScoped<SessionRevoker>();
        services.TryAddScoped<RevocationEffects>();
        services.TryAddScoped<ContextEffects>();
        services.TryAddScoped<AccountStatusEffects>();
        services.TryAddScoped<IdentifierEffects>();
        services.TryAddScoped<StreamEffects>();
        services.TryAddScoped<SetEffectDispatcher>();
        return services;
    }
}
