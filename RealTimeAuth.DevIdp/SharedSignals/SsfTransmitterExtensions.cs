using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

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
        builder.Services.AddHttpClient(PushDeliveryWorker.HttpClientName);
        builder.Services.AddHostedService<UserAccountStatusLoader>();
        builder.Services.AddHostedService<PushDeliveryWorker>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(SsfRoutes.ManagePolicy, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            // SSF 1.0 §8: the management API is an OAuth-protected resource; this one wants scope ssf.manage.
            .RequireAssertion(context => context.User.HasScope(SsfRoutes.ManageScope)));
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
