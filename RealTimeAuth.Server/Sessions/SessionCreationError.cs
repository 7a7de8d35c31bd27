namespace RealTimeAuth.Server.Sessions;

/// <summary>Why a session could not be created; the exchange maps each to an OAuth error.</summary>
public enum SessionCreationError
{
    None = 0,

    /// <summary>The parent session is unknown or no longer active (invalid_grant).</summary>
    ParentNotActive,

    /// <summary>A child asked for a scope its parent does not hold (invalid_scope).</summary>
    ScopeExceedsParent,

    /// <summary>The delegation tree would be deeper than allowed (invalid_request).</summary>
    DelegationTooDeep,

    /// <summary>No requested scope can be granted (invalid_scope).</summary>
    NoScopes,

    /// <summary>The user is blocked: a Shared Signals transmitter reported them disabled, purged or compromised (invalid_grant).</summary>
    UserBlocked,

    /// <summary>This replica cannot prove it is current, so it refuses to decide (temporarily_unavailable).</summary>
    ReplicaNotCurrent,
}
