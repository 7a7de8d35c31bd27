namespace RealTimeAuth.Sdk;

/// <summary>Something that knows a session's current RTAToken.</summary>
public interface IRtaTokenSource
{
    /// <summary>The current RTAToken (unpadded base64url), or null when there is no session.</summary>
    string? CurrentToken { get; }
}
