using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>The Shared Signals receiver (configuration section <c>SharedSignals</c>).</summary>
public sealed class SharedSignalsOptions
{
    public const string SectionName = "SharedSignals";

    /// <summary>Trusted transmitters, one stream each (<c>SharedSignals:Transmitters:N:…</c>).</summary>
    public List<TransmitterOptions> Transmitters { get; set; } = [];

    /// <summary>Largest SET accepted, in bytes of its compact serialization.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxSetBytes { get; set; } = 64 * 1024;

    /// <summary>How far in the future a SET's <c>iat</c> may be, for clocks that disagree.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Oldest <c>iat</c> accepted. Received SETs are kept at least this long, so a replay is always recognised.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxSetAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long received SETs are kept after they were applied; must exceed <see cref="MaxSetAge"/>.</summary>
    [Range(typeof(TimeSpan), "00:02:00", "3650.00:00:00")]
    public TimeSpan RetainReceivedSets { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a transmitter's JWKS is used before it is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Least time between two reads of a JWKS prompted by an unknown <c>kid</c> (key rotation), so forged kids cannot flood the transmitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeyRefreshMinInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether this replica applies received SETs (one replica at a time does, under a lease). Off only for receive-only replicas and tests.</summary>
    public bool ApplyEvents { get; set; } = true;

    /// <summary>How often the applier looks for unapplied SETs when no arrival is announced.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ApplyPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts to apply one SET before it is marked failed and the applier moves on.</summary>
    [Range(1, 100)]
    public int MaxApplyAttempts { get; set; } = 5;

    /// <summary>How often a replica re-reads the streams table (status changes made elsewhere).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan StreamRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After an event blocks a user, their sessions are swept once more this much later, to catch an exchange
    /// that passed the access gate just before the block was written.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BlockResweepDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a managed stream's status is read from its transmitter.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StreamStatusInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a long poll (RFC 8936, <c>returnImmediately: false</c>) may stay open before this receiver gives up on it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between retries of stream setup or polling while a transmitter is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan TransmitterMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// CAEP credential-change <c>change_type</c> values that revoke the user's sessions (CAEP 1.0 §3.3); unset means
    /// <c>revoke</c>, <c>update</c>, <c>delete</c> (a new credential alone ends nothing). A list with only <c>none</c> revokes on none.
    /// </summary>
    public List<string>? CredentialChangeRevokesOn { get; set; }

    internal IReadOnlyList<string> EffectiveCredentialChangeRevokesOn => CredentialChangeRevokesOn ?? ["revoke", "update", "delete"];
}
