using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>An agent's session through the SDK; disposing it closes the live stream.</summary>
internal sealed class RtaAgentSession(RtaClient client) : IAgentSession
{
    public event EventHandler<RtaRevokedEventArgs>? Revoked
    {
        add => client.Revoked += value;
        remove => client.Revoked -= value;
    }

    public event EventHandler<RtaTokenRefreshedEventArgs>? TokenRefreshed
    {
        add => client.TokenRefreshed += value;
        remove => client.TokenRefreshed -= value;
    }

    public RtaClient Client => client;

    public string AgentId => client.Agent.Id ?? string.Empty;

    public string SessionId => client.SessionId;

    public string? ParentSessionId => client.ParentSessionId;

    public IReadOnlyList<string> Scopes => client.Scopes;

    public string CurrentToken => client.CurrentToken;

    public bool HasEnded => client.State is RtaConnectionState.Revoked or RtaConnectionState.Expired or RtaConnectionState.Disposed;

    public Task<RtaAuthorizationResult> AuthorizeAsync(AgentAction action, string resourceId, CancellationToken cancellationToken) =>
        client.AuthorizeAsync(action.Name, action.ResourceType, resourceId, context: null, cancellationToken);

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
