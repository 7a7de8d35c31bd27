namespace RealTimeAuth.Protocol.Live;

/// <summary>Why the server pushed a fresh token down a stream. A wire contract: a code is never renamed.</summary>
public static class RtaRefreshReasons
{
    /// <summary>A token pushed before the freshness window of the previous one ends.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>A token pushed because the session's context, and so its ContextHash, changed.</summary>
    public const string ContextChanged = "context-changed";

    /// <summary>A token pushed when a stream opened with a token already past its refresh point.</summary>
    public const string Connected = "connected";
}
