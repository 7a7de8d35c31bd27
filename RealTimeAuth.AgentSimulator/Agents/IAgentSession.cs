using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>What an agent's loop needs of its session: ask before acting, and hear when the session is revoked.</summary>
internal interface IAgentSession : IAsyncDisposable
{
    string AgentId { get; }

    string SessionId { get; }

    string? ParentSessionId { get; }

    IReadOnlyList<string> Scopes { get; }

    /// <summary>True once the session was revoked or expired; it never becomes usable again.</summary>
    bool HasEnded { get; }

    /// <summary>Raised once, on the live channel's loop, when the session is revoked.</summary>
    event EventHandler<RtaRevokedEventArgs>? Revoked;

    /// <summary>Raised on the live channel's loop when the server pushes a fresh token (scheduled, or because the context changed).</summary>
    event EventHandler<RtaTokenRefreshedEventArgs>? TokenRefreshed;

    /// <summary>The session's newest RTAToken, as the SDK holds it (the stolen-token scenario copies it).</summary>
    string CurrentToken { get; }

    Task<RtaAuthorizationResult> AuthorizeAsync(AgentAction action, string resourceId, CancellationToken cancellationToken);
}
