namespace RealTimeAuth.Server.Events;

/// <summary>Types of event log entries. Each is a change every replica must apply.</summary>
public static class RtaEventTypes
{
    public const string SessionCreated = "session.created";
    public const string SessionsRevoked = "session.revoked";
    public const string SessionContextChanged = "session.context_changed";
    /// <summary>
    /// A session's client acknowledged a refreshed token: tokens of the session with an older sequence are refused from
    /// the time given (payload <c>{ sessionId, before, retireAt }</c>).
    /// </summary>
    public const string SessionTokenRetired = "session.token-retired";

    public const string SigningKeysChanged = "keys.changed";

    /// <summary>A policy version became active (payload <c>{ version, reason }</c>); replicas load it.</summary>
    public const string PolicyPublished = "policy.published";

    /// <summary>A subject directory was imported (payload <c>{ version, reason }</c>); replicas load it.</summary>
    public const string DirectoryImported = "directory.imported";

    /// <summary>A resource directory was imported (payload <c>{ version, reason }</c>); replicas load it.</summary>
    public const string ResourcesImported = "resources.imported";
}
