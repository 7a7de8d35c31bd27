namespace RealTimeAuth.Server.Live;

/// <summary>Stable codes the live channel sends: why a token was pushed, why a session ended, why a stream closed.</summary>
public static class LiveReasons
{
    /// <summary>A token pushed before the freshness window of the previous one ends.</summary>
    public const string RefreshScheduled = "scheduled";

    /// <summary>A token pushed because the session's context, and so its ContextHash, changed.</summary>
    public const string RefreshContextChanged = "context-changed";

    /// <summary>A token pushed when a stream opened with a token already past its refresh point.</summary>
    public const string RefreshConnected = "connected";

    /// <summary>The session itself was revoked, when the revocation gave no cause of its own.</summary>
    public const string SessionRevoked = "session-revoked";

    /// <summary>Every session of the user was revoked (<c>SessionService.RevokeUserAsync</c>).</summary>
    public const string UserRevoked = "user-revoked";

    /// <summary>An ancestor session was revoked and the revocation swept its subtree.</summary>
    public const string AncestorRevoked = "ancestor-revoked";

    /// <summary>The stream's client did not drain its queue; it should reconnect.</summary>
    public const string StreamOverloaded = "stream-overloaded";

    /// <summary>A gRPC stream did not start with <c>Hello</c>.</summary>
    public const string HelloExpected = "hello-expected";
}
