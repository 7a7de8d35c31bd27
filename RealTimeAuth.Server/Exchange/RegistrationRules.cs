using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// What a client's registration (<c>Exchange:Clients:{id}</c>) lets it do, beyond authenticating: which agent kinds its
/// sessions may have, which clients may delegate from them, whose IdP tokens it may trade, and which scopes a user's
/// token lets it grant (ADR 0016). Each refusal carries its own <see cref="ExchangeRejectionReasons"/> code.
/// </summary>
internal static class RegistrationRules
{
    /// <summary>The agent the session is for, its kind the requested one or the registration's first; or the refusal.</summary>
    public static (AgentIdentity? Agent, OAuthErrorResult? Error) Agent(ExchangeRequest request, ExchangeClientOptions client)
    {
        var kind = request.AgentKind ?? client.AgentKinds.FirstOrDefault();
        return kind is not null && client.AgentKinds.Contains(kind, StringComparer.Ordinal)
            ? (new AgentIdentity(request.AgentId, request.AgentName, kind, request.AgentSoftware), null)
            : (null, OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.AgentKindNotAllowed, "The client may not act as an agent of that kind."));
    }

    /// <summary>Null when the parent session's client names <paramref name="delegateClientId"/> in its <c>MayDelegateTo</c>; else the refusal.</summary>
    public static OAuthErrorResult? Delegation(ExchangeOptions options, string parentClientId, string delegateClientId) =>
        options.Clients.TryGetValue(parentClientId, out var parentClient) && parentClient.MayDelegateTo.Contains(delegateClientId, StringComparer.Ordinal)
            ? null
            : OAuthErrorResult.InvalidGrant(ExchangeRejectionReasons.DelegationNotAllowed, "The parent session's client may not delegate to this client.");

    /// <summary>Null when the client may trade tokens the user got through <paramref name="idpClient"/>; else the refusal.</summary>
    public static OAuthErrorResult? IdpClient(ExchangeClientOptions client, string? idpClient) =>
        client.AllowedIdpClients.Count == 0 || (idpClient is not null && client.AllowedIdpClients.Contains(idpClient, StringComparer.Ordinal))
            ? null
            : OAuthErrorResult.InvalidGrant(ExchangeRejectionReasons.IdpClientNotAllowed, "The client may not trade tokens issued to that IdP client.");

    /// <summary>
    /// The scopes to ask for a root session: those requested, else all the client may hold; when the user's token carries
    /// scopes, only those it grants. An explicit request for a scope the token does not grant is refused.
    /// </summary>
    public static (IReadOnlyCollection<string>? Scopes, OAuthErrorResult? Error) RootScopes(
        ExchangeRequest request, ExchangeClientOptions client, IReadOnlySet<string>? grantable)
    {
        if (grantable is null)
        {
            return (request.Scopes.Count > 0 ? request.Scopes : client.AllowedScopes, null);
        }

        if (request.Scopes.FirstOrDefault(scope => !grantable.Contains(scope)) is { } missing)
        {
            return (null, OAuthErrorResult.InvalidScope(ExchangeRejectionReasons.ScopeNotInSubjectToken, $"The user's token does not grant the scope '{missing}'."));
        }

        return (request.Scopes.Count > 0 ? request.Scopes : [.. client.AllowedScopes.Where(grantable.Contains)], null);
    }
}
