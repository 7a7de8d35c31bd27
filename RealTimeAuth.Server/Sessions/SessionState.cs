using System.Collections.Immutable;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// What a replica knows of one session: an immutable snapshot, replaced whole when an event
/// changes it, so readers on the hot path never see half an update.
/// </summary>
public sealed record SessionState
{
    public required Guid Id { get; init; }

    public Guid? ParentId { get; init; }

    /// <summary>The root of the delegation tree (the session made from the user's IdP token).</summary>
    public required Guid RootId { get; init; }

    /// <summary>0 for the root, 1 for its children, and so on.</summary>
    public required int Depth { get; init; }

    /// <summary>The user's identity provider.</summary>
    public required string Issuer { get; init; }

    /// <summary>The user's subject at <see cref="Issuer"/>.</summary>
    public required string Subject { get; init; }

    /// <summary>The OAuth client that made the exchange.</summary>
    public required string ClientId { get; init; }

    public required AgentIdentity Agent { get; init; }

    /// <summary>Granted scopes, sorted ordinally.</summary>
    public required ImmutableArray<string> Scopes { get; init; }

    public required SecurityContext Context { get; init; }

    public required RtaContextHash ContextHash { get; init; }

    /// <summary>Sequence of the newest token issued for the session.</summary>
    public required uint TokenSequence { get; init; }

    public required SessionStatus Status { get; init; }

    public string? RevocationReason { get; init; }

    public string? RevocationDetail { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>
    /// The event log sequence of the revocation, when this replica applied it (not persisted: null for a session read
    /// already revoked from its row). A stream that opens after the revocation reports it with this sequence.
    /// </summary>
    public long? RevokedBySequence { get; init; }

    /// <summary>The IdP session (<c>sid</c> of the user's IdP token) this session belongs to, when known; children inherit it.</summary>
    public string? IdpSessionId { get; init; }

    /// <summary>
    /// The RFC 7638 thumbprint (<c>cnf.jkt</c>) of the agent's key: every use of the session's tokens proves possession
    /// of it. Null only for a session created before binding existed, which can no longer act.
    /// </summary>
    public string? KeyThumbprint { get; init; }

    /// <summary>The key thumbprints of the delegation chain, root first, this session's last: who delegated to whom, by key.</summary>
    public ImmutableArray<string> KeyChain { get; init; } = [];

    /// <summary>The newest retirement of older tokens (<c>session.token-retired</c>); not stored on the row.</summary>
    public TokenCutoff? TokenCutoff { get; init; }

    /// <summary>The retirement before <see cref="TokenCutoff"/>, kept so a newer one does not give older tokens back their grace.</summary>
    public TokenCutoff? PreviousTokenCutoff { get; init; }

    /// <summary>When the session ends whatever it does (ADR 0018); the creator sets it, never past the parent's.</summary>
    public DateTimeOffset ExpiresAt { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>How long the session may go without a stream or a decision (ADR 0018); never longer than the parent's.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.MaxValue;

    public bool IsActive => Status == SessionStatus.Active;

    /// <summary>Whether the session's absolute lifetime has run out by <paramref name="now"/>, revoked yet or not.</summary>
    public bool HasExpired(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>Whether a token of this session with <paramref name="sequence"/> has been retired by <paramref name="now"/>.</summary>
    public bool IsTokenRetired(uint sequence, DateTimeOffset now) =>
        TokenCutoff is { } cutoff && (cutoff.Retires(sequence, now) || PreviousTokenCutoff?.Retires(sequence, now) == true);

    /// <summary>
    /// This session as a revocation at <paramref name="at"/> leaves it (the state its row gets); <paramref name="sequence"/>
    /// is the revocation's event log sequence, when known.
    /// </summary>
    public SessionState AsRevoked(string? reason, string? detail, DateTimeOffset at, long? sequence = null) => this with
    {
        Status = SessionStatus.Revoked,
        RevocationReason = reason,
        RevocationDetail = detail,
        RevokedAt = at,
        UpdatedAt = at,
        RevokedBySequence = sequence,
    };

    /// <summary>This session with tokens below <paramref name="cutoff"/> retired; an older or equal cutoff changes nothing.</summary>
    public SessionState WithTokenCutoff(TokenCutoff cutoff) =>
        TokenCutoff is { } current && current.Before >= cutoff.Before
            ? this
            : this with { TokenCutoff = cutoff, PreviousTokenCutoff = TokenCutoff };

}
