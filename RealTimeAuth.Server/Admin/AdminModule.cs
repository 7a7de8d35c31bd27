using RealTimeAuth.Server.Admin.Monitoring;

namespace RealTimeAuth.Server.Admin;

/// <summary>The admin API over sessions (list, detail, revoke) and the console's live feed.</summary>
public static class AdminModule
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TelemetryRates>();
        builder.Services.AddSingleton<AdminEventFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AdminEventFeed>());
        return builder;
    }

    /// <summary>Maps <c>/admin/v1/sessions</c>, <c>/admin/v1/users/…</c> and the monitoring endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app) =>
        app.MapSessionAdminApi().MapAdminMonitoringApi();
}
