using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Live;

/// <summary>The live channel's timing and buffering (configuration section <c>LiveChannel</c>).</summary>
public sealed class LiveChannelOptions
{
    public const string SectionName = "LiveChannel";

    /// <summary>
    /// The public address of the gRPC live channel that the exchange names to agents, when it is not the token
    /// endpoint's own (the app host gives gRPC an HTTP/2-only endpoint of its own). Unset: each request's base address.
    /// </summary>
    [Url(ErrorMessage = "Set LiveChannel:GrpcAddress to an absolute http or https URL, or leave it unset.")]
    public string? GrpcAddress { get; set; }

    /// <summary>How often a heartbeat is pushed on every open stream.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00",
        ErrorMessage = "Set LiveChannel:HeartbeatInterval between 00:00:00.100 and 00:10:00.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// When to push the next token, as a fraction of <c>Tokens:FreshnessWindow</c> after the last one was
    /// issued; the rest of the window is the client's margin for a late push or a reconnect.
    /// </summary>
    [Range(0.1, 0.95, ErrorMessage = "Set LiveChannel:RefreshAt between 0.1 and 0.95 (a fraction of Tokens:FreshnessWindow).")]
    public double RefreshAt { get; set; } = 0.6;

    /// <summary>How long a new gRPC stream may wait for the client's <c>Hello</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00",
        ErrorMessage = "Set LiveChannel:HelloTimeout between 00:00:00.100 and 00:05:00.")]
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Session changes queued for one stream. A stream whose client reads too slowly to drain it is
    /// dropped rather than allowed to hold up the replica's event processing.
    /// </summary>
    [Range(4, 65536, ErrorMessage = "Set LiveChannel:StreamBufferCapacity between 4 and 65536.")]
    public int StreamBufferCapacity { get; set; } = 64;

    /// <summary>
    /// After a revocation, how long a gRPC stream waits for the client to acknowledge it and half-close before the
    /// server ends the call anyway. Letting the client close first spares both sides a cancelled read and write per
    /// stream, which is most of the cost when one event revokes thousands of streams at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30",
        ErrorMessage = "Set LiveChannel:CloseGracePeriod between 00:00:00 and 00:00:30.")]
    public TimeSpan CloseGracePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After a client acknowledged a refreshed token on its stream, how long the session's older tokens are still
    /// accepted (requests already in flight with them), before every replica refuses them as <c>token-superseded</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00",
        ErrorMessage = "Set LiveChannel:TokenRetirementGrace between 00:00:00 and 00:05:00.")]
    public TimeSpan TokenRetirementGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Messages a gRPC stream may have sent and not had acknowledged; one more and the stream is closed with
    /// <c>stream-stalled</c>. A client that stops reading stops acknowledging, so this bounds what the server writes
    /// into buffers nobody drains. The SDK acknowledges each message once its handlers ran.
    /// </summary>
    [Range(8, 65536, ErrorMessage = "Set LiveChannel:MaxPendingMessages between 8 and 65536.")]
    public int MaxPendingMessages { get; set; } = 256;

    /// <summary>
    /// How long one write to a stream (gRPC or Server-Sent Events) may stay blocked, the client's flow-control window and
    /// the server's response buffer both full, before the stream is closed with <c>stream-stalled</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00",
        ErrorMessage = "Set LiveChannel:WriteTimeout between 00:00:00.100 and 00:05:00.")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
