namespace RealTimeAuth.Server.Events;

/// <summary>This process's name among the server replicas, for logs, heartbeats and the event log.</summary>
public sealed class ReplicaIdentity
{
    public string Name { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
