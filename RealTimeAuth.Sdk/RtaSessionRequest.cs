using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Sdk;

/// <summary>What to exchange for a new session. A class, not a record, so the subject token never appears in a <c>ToString()</c>.</summary>
public sealed class RtaSessionRequest
{
    /// <summary>The user's IdP access token, or the parent's RTAToken for a delegated session.</summary>
    public required string SubjectToken { get; init; }

    /// <summary>The RFC 8693 type of <see cref="SubjectToken"/>.</summary>
    public string SubjectTokenType { get; init; } = RtaExchangeNames.AccessTokenType;

    /// <summary>The scopes requested for the session.</summary>
    public IReadOnlyCollection<string> Scopes { get; init; } = [];

    /// <summary>The agent the session is for; unset means <see cref="RtaClientOptions.Agent"/>.</summary>
    public RtaAgentIdentity? Agent { get; init; }
}
