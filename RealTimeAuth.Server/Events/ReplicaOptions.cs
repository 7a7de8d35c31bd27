using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Events;

/// <summary>How a replica keeps up with the event log (configuration section <c>Replica</c>).</summary>
public sealed class ReplicaOptions
{
    public const string SectionName = "Replica";

    /// <summary>How often the log is read when no announcement arrives.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long after its last successful read of the log a replica still counts as current.
    /// Past it the replica refuses decisions rather than answer from stale state.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The largest announcement, in bytes, that carries its entries on Redis; a larger one carries only the sequence and
    /// the other replicas read the log (ADR 0025). A thousand sessions revoked at once fit in the default.
    /// </summary>
    [Range(64, 1024 * 1024)]
    public int MaxAnnouncementBytes { get; set; } = 64 * 1024;

    /// <summary>Revoked sessions younger than this are loaded at start, so their tokens read "revoked", not "unknown".</summary>
    public TimeSpan RevokedRetention { get; set; } = TimeSpan.FromHours(1);
}
