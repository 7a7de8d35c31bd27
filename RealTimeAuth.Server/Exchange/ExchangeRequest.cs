using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// The form parameters of an exchange request, read once and checked for shape. <see cref="AgentKind"/> is null when the
/// request names none: the client's registration then gives it (ADR 0016).
/// </summary>
internal sealed record ExchangeRequest(
    string SubjectToken,
    string SubjectTokenType,
    string Nonce,
    IReadOnlyList<string> Scopes,
    string AgentId,
    string AgentName,
    string? AgentKind,
    string? AgentSoftware)
{
    private const int MaxNameLength = 256;
    private const int MinNonceLength = 16;
    private const int MaxNonceLength = 256;

    /// <summary>The request, or why it is an <c>invalid_request</c>.</summary>
    public static (ExchangeRequest? Request, OAuthErrorResult? Error) Read(IFormCollection form)
    {
        // RFC 6749 §3.2: parameters must not be sent more than once.
        if (form.FirstOrDefault(pair => pair.Value.Count > 1) is { Key: not null } repeated)
        {
            return (null, OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.ParameterRepeated, $"The parameter '{repeated.Key}' was sent more than once."));
        }

        string Get(string name) => form[name].ToString();
        var subjectToken = Get(RtaExchangeNames.Parameters.SubjectToken);
        var subjectTokenType = Get(RtaExchangeNames.Parameters.SubjectTokenType);
        var nonce = Get(RtaExchangeNames.Parameters.Nonce);
        var agentId = Get(RtaExchangeNames.Parameters.AgentId);
        var agentKind = Get(RtaExchangeNames.Parameters.AgentKind);
        var agentName = Get(RtaExchangeNames.Parameters.AgentName);
        var agentSoftware = Get(RtaExchangeNames.Parameters.AgentSoftware);

        var missing = new[]
        {
            (RtaExchangeNames.Parameters.SubjectToken, subjectToken),
            (RtaExchangeNames.Parameters.SubjectTokenType, subjectTokenType),
            (RtaExchangeNames.Parameters.Nonce, nonce),
            (RtaExchangeNames.Parameters.AgentId, agentId),
        }.FirstOrDefault(pair => pair.Item2.Length == 0).Item1;
        if (missing is not null)
        {
            return (null, OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.ParameterMissing, $"The parameter '{missing}' is required."));
        }

        if (nonce.Length is < MinNonceLength or > MaxNonceLength)
        {
            return (null, OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.NonceInvalid, $"The nonce must be {MinNonceLength} to {MaxNonceLength} characters."));
        }

        if (new[] { agentId, agentKind, agentName, agentSoftware }.Any(value => value.Length > MaxNameLength))
        {
            return (null, OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.AgentIdentityTooLong, $"Agent identity values are limited to {MaxNameLength} characters."));
        }

        var scopes = Get(RtaExchangeNames.Parameters.Scope).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (new ExchangeRequest(subjectToken, subjectTokenType, nonce, scopes, agentId,
            agentName.Length > 0 ? agentName : agentId, agentKind.Length > 0 ? agentKind : null, agentSoftware.Length > 0 ? agentSoftware : null), null);
    }
}
