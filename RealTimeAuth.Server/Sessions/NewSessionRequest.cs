using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// A session to create after the exchange has authenticated the client and validated the
/// subject token. For a delegated session <see cref="ParentId"/> names the parent, whose
/// user, issuer and context the child inherits.
/// </summary>
public sealed record NewSessionRequest
{
    public required string Issuer { get; init; }

    public required string Subject { get; init; }

    public required string ClientId { get; init; }

    public required AgentIdentity Agent { get; init; }

    public Guid? ParentId { get; init; }

    /// <summary>Scopes asked for; a child may ask only for scopes its parent holds.</summary>
    public required IReadOnlyCollection<string> RequestedScopes { get; init; }

    /// <summary>
    /// The most the session's client may hold (its registration's scopes); null for no limit. A child that asks for no
    /// scope inherits only those of its parent's that are also within this limit.
    /// </summary>
    public IReadOnlyCollection<string>? ScopeLimit { get; init; }

    /// <summary>The user's attributes from the subject token (ignored for a child, which inherits).</summary>
    public required SecurityContext UserContext { get; init; }

    /// <summary>The IdP session (<c>sid</c>) of the subject token; for a child, its parent's.</summary>
    public string? IdpSessionId { get; init; }

    /// <summary>The thumbprint of the key whose proof came with the exchange: the session is bound to it.</summary>
    public required string KeyThumbprint { get; init; }

    /// <summary>The client registration's absolute lifetime; null for the configured default (ADR 0018).</summary>
    public TimeSpan? AbsoluteLifetime { get; init; }

    /// <summary>The client registration's idle lifetime; null for the configured default (ADR 0018).</summary>
    public TimeSpan? IdleLifetime { get; init; }
}
