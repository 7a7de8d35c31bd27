namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>Registers the admin console's live feed: the telemetry listener and the event-log tail.</summary>
public static class AdminMonitoringExtensions
{
    public static IHostApplicationBuilder AddAdminMonitoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TelemetryRates>();
        builder.Services.AddSingleton<AdminEventFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AdminEventFeed>());
        return builder;
    }
}
