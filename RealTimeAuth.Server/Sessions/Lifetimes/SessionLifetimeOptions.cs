using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Sessions.Lifetimes;

/// <summary>
/// How long sessions live (configuration section <c>SessionLifetimes</c>; ADR 0018). A client registration may set
/// shorter or longer lifetimes of its own (<c>Exchange:Clients:{id}:AbsoluteLifetime</c> / <c>IdleLifetime</c>); a child
/// never outlives its parent either way.
/// </summary>
public sealed class SessionLifetimeOptions
{
    public const string SectionName = "SessionLifetimes";

    /// <summary>How long a session lives from its creation, whatever it does.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a session may go with no open stream and no decision before it ends.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan IdleLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How often each replica writes which sessions were active (a decision, or an open stream) since the last write:
    /// one statement per interval instead of one per decision.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ActivityFlushInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the replica holding the lease looks for sessions past a lifetime and revokes them.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
