namespace RealTimeAuth.Sdk;

/// <summary>Where an <see cref="RtaClient"/>'s live channel is. <see cref="Revoked"/>, <see cref="Expired"/> and <see cref="Disposed"/> are final.</summary>
public enum RtaConnectionState
{
    /// <summary>The first stream is being opened.</summary>
    Connecting,

    /// <summary>The stream is open; pushes arrive as they happen.</summary>
    Connected,

    /// <summary>The stream broke; the client is waiting out a backoff delay or opening a new stream.</summary>
    Reconnecting,

    /// <summary>The session was revoked, or the server refused its token for good. Nothing reconnects.</summary>
    Revoked,

    /// <summary>The token left its freshness window before a refresh arrived. Exchange again for a new session.</summary>
    Expired,

    /// <summary>The client was disposed.</summary>
    Disposed,
}
