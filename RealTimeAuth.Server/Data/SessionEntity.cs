namespace RealTimeAuth.Server.Data;

/// <summary>A session row: one agent acting for one user, bound to its own RTATokens.</summary>
public sealed class SessionEntity
{
    public Guid Id { get; set; }

    public Guid? ParentId { get; set; }

    public Guid RootId { get; set; }

    public int Depth { get; set; }

    public required string Issuer { get; set; }

    public required string Subject { get; set; }

    public required string ClientId { get; set; }

    public required string AgentId { get; set; }

    public required string AgentName { get; set; }

    public required string AgentKind { get; set; }

    public string? AgentSoftware { get; set; }

    public required string[] Scopes { get; set; }

    /// <summary>The effective security context as JSON (see <c>SecurityContextJson</c>).</summary>
    public required string Context { get; set; }

    public required byte[] ContextHash { get; set; }

    public long TokenSequence { get; set; }

    public required string Status { get; set; }

    public string? RevocationReason { get; set; }

    public string? RevocationDetail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The IdP session (<c>sid</c> of the subject token) the session was made in, when the IdP names one.</summary>
    public string? IdpSessionId { get; set; }

    /// <summary>The <c>cnf.jkt</c> of the agent's key; null for a session created before binding.</summary>
    public string? KeyThumbprint { get; set; }

    /// <summary>The key thumbprints of the delegation chain, root first, this session's last.</summary>
    public string[] KeyChain { get; set; } = [];

    /// <summary>When the session ends whatever it does: its absolute lifetime, never past its parent's (ADR 0018).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>How long the session may go without a stream or a decision before it ends (ADR 0018).</summary>
    public TimeSpan IdleTimeout { get; set; }

    /// <summary>When the session ends unless activity is flushed before; moved forward by the activity flush, not per decision.</summary>
    public DateTimeOffset IdleExpiresAt { get; set; }
}
