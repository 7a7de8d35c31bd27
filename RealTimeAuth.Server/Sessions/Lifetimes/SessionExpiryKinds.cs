namespace RealTimeAuth.Server.Sessions.Lifetimes;

/// <summary>The revocation detail a <c>session-expired</c> revocation records: which lifetime ran out (stable values).</summary>
public static class SessionExpiryKinds
{
    /// <summary>The absolute lifetime, counted from creation (capped by the parent's).</summary>
    public const string Absolute = "absolute-lifetime";

    /// <summary>The idle lifetime: no stream and no decision for that long.</summary>
    public const string Idle = "idle-lifetime";
}
