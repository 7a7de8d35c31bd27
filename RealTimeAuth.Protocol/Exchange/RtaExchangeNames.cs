namespace RealTimeAuth.Protocol.Exchange;

/// <summary>Names on the wire of the RTA token exchange (RFC 8693 request shape).</summary>
public static class RtaExchangeNames
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:rta_token_exchange";
    public const string RtaTokenType = "urn:realtimeauth:token-type:rta";
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";
    public const string JwtTokenType = "urn:ietf:params:oauth:token-type:jwt";
    public const string TokenScheme = "RTA";

    public const string TokenEndpointPath = "/oauth/token";

    /// <summary>Form parameters of the exchange request.</summary>
    public static class Parameters
    {
        public const string GrantType = "grant_type";
        public const string SubjectToken = "subject_token";
        public const string SubjectTokenType = "subject_token_type";
        public const string ActorToken = "actor_token";
        public const string ActorTokenType = "actor_token_type";
        public const string Scope = "scope";
        public const string Nonce = "nonce";
        public const string ClientId = "client_id";
        public const string ClientSecret = "client_secret";
        public const string AgentId = "agent_id";
        public const string AgentName = "agent_name";
        public const string AgentKind = "agent_kind";
        public const string AgentSoftware = "agent_software";
    }
}
