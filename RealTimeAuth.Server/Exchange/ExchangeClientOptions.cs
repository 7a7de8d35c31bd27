using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Exchange;

/// <summary>A registered agent client that may call the token endpoint (configuration <c>Exchange:Clients:{id}</c>).</summary>
public sealed class ExchangeClientOptions
{
    /// <summary>The client secret, from user secrets, an Aspire parameter or the environment.</summary>
    [Required]
    [MinLength(16)]
    public string Secret { get; set; } = string.Empty;

    /// <summary>Scopes this client may ask for; a request for any other is <c>invalid_scope</c>.</summary>
    public List<string> AllowedScopes { get; set; } = [];

    /// <summary>
    /// The agent kinds this client's sessions may have; at least one. A request naming another kind is
    /// <c>invalid_request</c>; a request naming none gets the first.
    /// </summary>
    public List<string> AgentKinds { get; set; } = [];

    /// <summary>Clients that may delegate from this client's sessions (itself included only when listed); empty: none.</summary>
    public List<string> MayDelegateTo { get; set; } = [];

    /// <summary>
    /// IdP clients (<c>azp</c> or <c>client_id</c> of the subject token) whose users' tokens this client may trade;
    /// empty: any.
    /// </summary>
    public List<string> AllowedIdpClients { get; set; } = [];

    /// <summary>How long this client's sessions live from creation; unset for <c>SessionLifetimes:AbsoluteLifetime</c> (ADR 0018).</summary>
    public TimeSpan? AbsoluteLifetime { get; set; }

    /// <summary>How long this client's sessions may go with no stream and no decision; unset for <c>SessionLifetimes:IdleLifetime</c>.</summary>
    public TimeSpan? IdleLifetime { get; set; }
}
