using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Hosting;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Admin;
using RealTimeAuth.Server.SharedSignals.Client;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Subjects;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>
/// The Shared Signals receiver: trusted transmitters (options <c>SharedSignals</c>, validated at start), stream management,
/// SET validation, the durable applier and the effects, and the sessions' <see cref="INewSessionGate"/>.
/// </summary>
public static class SharedSignalsModule
{
    public static IHostApplicationBuilder AddSharedSignals(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SharedSignalsOptions>(builder.Configuration, SharedSignalsOptions.SectionName);
        services.AddSingleton<IValidateOptions<SharedSignalsOptions>, SharedSignalsOptionsValidator>();
        // Transmitter calls have their own timeouts (long polls wait up to PollWait) and their own backoff; the service
        // defaults' resilience handler would cut a long poll at its attempt timeout and retry calls the caller retries anyway.
        // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001); it is the supported way to opt one client out.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(TransmitterKeyStore.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        services.AddSingleton<SsfStreamCatalog>();
        services.AddSingleton<TransmitterKeyStore>();
        services.AddSingleton<SetValidator>();
        services.AddSingleton<SetArrivalSignal>();
        services.AddSingleton<SetRejectionMetrics>();
        services.AddHostedService<SsfStreamSynchronizer>();
        services.AddSingleton<PushAuthenticator>();
        services.AddSingleton<SsfTransmitterClient>();
        services.AddSingleton<SsfStreamSetup>();
        services.AddSingleton<SsfPoller>();
        services.AddSingleton<SsfStreamManagerAccessor>();
        services.AddSingleton<SsfStreamManager>();
        services.AddHostedService(sp => sp.GetRequiredService<SsfStreamManager>());
        services.AddSingleton<ReceivedSetBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReceivedSetBatcher>());
        services.AddSingleton<SetApplier>();
        services.AddHostedService(sp => sp.GetRequiredService<SetApplier>());

        services.AddScoped<ReceivedSetStore>();
        services.AddScoped<SetProcessor>();
        services.AddScoped<SubjectResolver>();
        services.AddScoped<SubjectStatusStore>();
        services.AddSingleton<INewSessionGate, SubjectAccessGate>();
        services.AddScoped<SessionRevoker>();
        services.AddScoped<RevocationEffects>();
        services.AddScoped<ContextEffects>();
        services.AddScoped<AccountStatusEffects>();
        services.AddScoped<IdentifierEffects>();
        services.AddScoped<StreamEffects>();
        services.AddScoped<SetEffectDispatcher>();
        return builder;
    }

    /// <summary>Maps <c>POST /ssf/events</c> (RFC 8935 push) and the admin endpoints under <c>/admin/v1/ssf</c> and <c>/admin/v1/blocks</c>.</summary>
    public static IEndpointRouteBuilder MapSharedSignalsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapSetPushApi().MapSharedSignalsAdminApi().MapSsfStreamAdminApi().MapSubjectBlockAdminApi();
}
