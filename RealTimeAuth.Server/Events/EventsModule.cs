using RealTimeAuth.Server.Hosting;

namespace RealTimeAuth.Server.Events;

/// <summary>The event log: writing, announcing through Redis, and the replica synchronizer that hands entries to the observers.</summary>
public static class EventsModule
{
    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ReplicaOptions>(builder.Configuration, ReplicaOptions.SectionName);
        services.AddSingleton<ReplicaIdentity>();
        services.AddSingleton<EventLogWriter>();
        services.AddSingleton<AnnouncementKey>();
        services.AddSingleton<AnnouncedEntries>();
        services.AddSingleton<AnnouncementListener>();
        services.AddSingleton<EventAnnouncer>();
        services.AddSingleton<AppliedSequence>();
        services.AddSingleton<ReplicaSynchronizer>();
        services.AddSingleton<IReplicaCurrency>(sp => sp.GetRequiredService<ReplicaSynchronizer>());
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaSynchronizer>());
        return builder;
    }
}
