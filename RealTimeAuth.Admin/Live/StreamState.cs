namespace RealTimeAuth.Admin.Live;

/// <summary>The admin stream's connection as the banner shows it.</summary>
public enum StreamState
{
    Connecting,
    Connected,
    Reconnecting,

    /// <summary>The server refused the admin's token; reconnecting will not help until they sign in again.</summary>
    SignedOut,
}
