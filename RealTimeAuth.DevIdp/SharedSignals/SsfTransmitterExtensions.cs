using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using RealTimeAuth.DevIdp.Data;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>Registers and maps the Shared Signals transmitter.</summary>
public static class SsfTransmitterExtensions
{
    public static IHostApplicationBuilder AddSharedSignalsTransmitter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SsfTransmitterOptions>()
            .Bind(builder.Configuration.GetSection(SsfTransmitterOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SsfSigningKey>();
        builder.Services.AddSingleton<SetWriter>();
        builder.Services.AddSingleton<SsfIssuer>();
        builder.Services.AddSingleton<SsfDeliverySignal>();
        builder.Services.AddSingleton<UserAccountStatus>();
        builder.Services.AddScoped<SsfEventEmitter>();
        // The worker retries with its own durable backoff; the service defaults' resilience handler would retry a dead
        // receiver for seconds inside one attempt and hold up every other stream's delivery meanwhile.
        // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001); it is the supported way to opt one client out.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(PushDeliveryWorker.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHostedService<UserAccountStatusLoader>();
        builder.Services.AddHostedService<PushDeliveryWorker>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(SsfRoutes.ManagePolicy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            // SSF 1.0 §8: the management API is an OAuth-protected resource; this one wants scope ssf.manage.
            .RequireAssertion(context => context.User.HasScope(DevIdpScopes.SsfManage)));
        return builder;
    }

    public static IEndpointRouteBuilder MapSharedSignalsTransmitter(this IEndpointRouteBuilder app)
    {
        app.MapSsfMetadataApi().MapSsfStreamApi().MapSsfStreamControlApi().MapSsfPollApi();
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (environment.IsDevelopment() && app.ServiceProvider.GetRequiredService<IOptions<SsfTransmitterOptions>>().Value.EnableTriggers)
        {
            app.MapSsfTriggerApi();
        }

        return app;
    }
}
