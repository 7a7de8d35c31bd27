namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>What one admin stream is sent: a batch of log entries, or the stats of the last second.</summary>
internal abstract record MonitorMessage
{
    public sealed record Logs(IReadOnlyList<AdminEventEntry> Entries) : MonitorMessage;

    public sealed record Stats(MonitoringStats Value) : MonitorMessage;
}
