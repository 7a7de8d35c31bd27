using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk;

/// <summary>The server pushed a new token; <see cref="RtaClient.CurrentToken"/> already holds it.</summary>
public sealed class RtaTokenRefreshedEventArgs(uint tokenSequence, DateTimeOffset freshUntil, string reason) : EventArgs
{
    /// <summary>The token's sequence within the session.</summary>
    public uint TokenSequence { get; } = tokenSequence;

    /// <summary>When the token leaves its freshness window.</summary>
    public DateTimeOffset FreshUntil { get; } = freshUntil;

    /// <summary>
    /// Why it was issued, one of <see cref="RtaRefreshReasons"/>: <see cref="RtaRefreshReasons.Scheduled"/>,
    /// <see cref="RtaRefreshReasons.ContextChanged"/> or <see cref="RtaRefreshReasons.Connected"/>.
    /// </summary>
    public string Reason { get; } = reason;
}
