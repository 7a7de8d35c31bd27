using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Sdk.Exchange;

/// <summary>The form body of an exchange request (RFC 8693 §2.1 shape plus the agent's identity and a nonce).</summary>
internal static class RtaExchangeForm
{
    public static List<KeyValuePair<string, string>> Create(RtaSessionRequest request, RtaAgentIdentity agent, string? publicClientId)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new(RtaExchangeNames.Parameters.GrantType, RtaExchangeNames.GrantType),
            new(RtaExchangeNames.Parameters.SubjectToken, request.SubjectToken),
            new(RtaExchangeNames.Parameters.SubjectTokenType, request.SubjectTokenType),
            new(RtaExchangeNames.Parameters.Nonce, RtaNonce.Create()),
        };

        // RFC 6749 §3.3: scope is a space-delimited list.
        AddIfPresent(form, RtaExchangeNames.Parameters.Scope, string.Join(' ', request.Scopes));
        AddIfPresent(form, RtaExchangeNames.Parameters.AgentId, agent.Id);
        AddIfPresent(form, RtaExchangeNames.Parameters.AgentName, agent.Name);
        AddIfPresent(form, RtaExchangeNames.Parameters.AgentKind, agent.Kind);
        AddIfPresent(form, RtaExchangeNames.Parameters.AgentSoftware, agent.Software);
        AddIfPresent(form, RtaExchangeNames.Parameters.ClientId, publicClientId);
        return form;
    }

    private static void AddIfPresent(List<KeyValuePair<string, string>> form, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            form.Add(new(name, value));
        }
    }
}
