namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// Stable reason codes of refused token exchanges; each names one rule. Every <c>error_description</c> of
/// <c>POST /oauth/token</c> starts with one, then a colon (<c>untrusted-issuer: …</c>), and the same code tags the
/// exchange's span and counter. A code is never renamed. A refused proof of possession (<c>invalid_dpop_proof</c>) carries
/// the proof's own code instead, one of <c>DpopRejectionReasons</c> or <c>RtaBindingReasons</c> (see <see cref="ProofRefusals"/>).
/// </summary>
public static class ExchangeRejectionReasons
{
    /// <summary>The body is not <c>application/x-www-form-urlencoded</c> (RFC 8693 §2.1; <c>invalid_request</c>).</summary>
    public const string FormRequired = "form-required";

    /// <summary>The body could not be read as a form (<c>invalid_request</c>).</summary>
    public const string FormUnreadable = "form-unreadable";

    /// <summary>A required parameter is missing; the description names it (<c>invalid_request</c>).</summary>
    public const string ParameterMissing = "parameter-missing";

    /// <summary>A parameter was sent more than once (RFC 6749 §3.2; <c>invalid_request</c>).</summary>
    public const string ParameterRepeated = "parameter-repeated";

    /// <summary>The grant type is not the RTA exchange's (<c>unsupported_grant_type</c>).</summary>
    public const string GrantTypeUnsupported = "grant-type-unsupported";

    /// <summary>No client credentials were presented (<c>invalid_client</c>).</summary>
    public const string ClientAuthenticationMissing = "client-authentication-missing";

    /// <summary>The HTTP Basic credentials could not be decoded (<c>invalid_client</c>).</summary>
    public const string ClientCredentialsMalformed = "client-credentials-malformed";

    /// <summary>The client used Basic and form credentials at once (RFC 6749 §2.3; <c>invalid_client</c>).</summary>
    public const string ClientAuthenticationAmbiguous = "client-authentication-ambiguous";

    /// <summary>Unknown client or wrong secret, deliberately not told apart (<c>invalid_client</c>).</summary>
    public const string ClientAuthenticationFailed = "client-authentication-failed";

    /// <summary>The nonce is shorter or longer than allowed (<c>invalid_request</c>).</summary>
    public const string NonceInvalid = "nonce-invalid";

    /// <summary>An agent identity value is longer than allowed (<c>invalid_request</c>).</summary>
    public const string AgentIdentityTooLong = "agent-identity-too-long";

    /// <summary>The client may not request one of the scopes (<c>invalid_scope</c>).</summary>
    public const string ScopeNotAllowed = "scope-not-allowed";

    /// <summary>The <c>subject_token_type</c> is not one the exchange takes (<c>invalid_request</c>).</summary>
    public const string SubjectTokenTypeUnsupported = "subject-token-type-unsupported";

    /// <summary>The subject token is larger than any access token the exchange reads (<c>invalid_grant</c>).</summary>
    public const string SubjectTokenTooLarge = "subject-token-too-large";

    /// <summary>The subject token names no trusted issuer, or its introspection names another (<c>invalid_grant</c>).</summary>
    public const string UntrustedIssuer = "untrusted-issuer";

    /// <summary>The issuer's introspection says the token is not active (RFC 7662 §2.2; <c>invalid_grant</c>).</summary>
    public const string TokenInactive = "token-inactive";

    /// <summary>The subject token's lifetime is over, or not begun (<c>invalid_grant</c>).</summary>
    public const string TokenExpired = "token-expired";

    /// <summary>The subject token was issued for another audience (<c>invalid_grant</c>).</summary>
    public const string WrongAudience = "wrong-audience";

    /// <summary>The subject token's signature does not verify with a key of its issuer (<c>invalid_grant</c>).</summary>
    public const string BadSignature = "bad-signature";

    /// <summary>The subject token's <c>typ</c> is not an access token's (<c>invalid_grant</c>).</summary>
    public const string NotAccessToken = "not-access-token";

    /// <summary>The subject token is malformed or fails a check with no code of its own (<c>invalid_grant</c>).</summary>
    public const string TokenInvalid = "token-invalid";

    /// <summary>The subject token names no subject (<c>invalid_grant</c>).</summary>
    public const string SubjectMissing = "subject-missing";

    /// <summary>The issuer could not be reached (<c>temporarily_unavailable</c>).</summary>
    public const string IssuerUnreachable = "issuer-unreachable";

    /// <summary>The issuer's metadata, or its keys, could not be read (<c>temporarily_unavailable</c>).</summary>
    public const string IssuerMetadataUnavailable = "issuer-metadata-unavailable";

    /// <summary>The issuer answered the introspection request with an error (<c>temporarily_unavailable</c>).</summary>
    public const string IntrospectionFailed = "introspection-failed";

    /// <summary>The parent RTAToken was refused; the description carries its token status (<c>invalid_grant</c>).</summary>
    public const string ParentTokenInvalid = "parent-token-invalid";

    /// <summary>This replica cannot prove it is current, so it does not decide (<c>temporarily_unavailable</c>).</summary>
    public const string ReplicaNotCurrent = "replica-not-current";

    /// <summary>A Shared Signals transmitter reported the user disabled, purged or compromised (<c>invalid_grant</c>).</summary>
    public const string UserBlocked = "user-blocked";

    /// <summary>The client used this nonce before (<c>invalid_request</c>).</summary>
    public const string NonceReused = "nonce-reused";

    /// <summary>The parent session is no longer active (<c>invalid_grant</c>).</summary>
    public const string ParentNotActive = "parent-not-active";

    /// <summary>A delegated session asked for a scope its parent lacks (<c>invalid_scope</c>).</summary>
    public const string ScopeExceedsParent = "scope-exceeds-parent";

    /// <summary>No requested scope could be granted (<c>invalid_scope</c>).</summary>
    public const string NoScopeGranted = "no-scope-granted";

    /// <summary>The delegation tree is already as deep as allowed (<c>invalid_request</c>).</summary>
    public const string DelegationTooDeep = "delegation-too-deep";

    /// <summary>
    /// A delegated exchange's proof was made with the parent's key, or a key already in the parent's key chain
    /// (<c>invalid_dpop_proof</c>). Each session has its own key, so a child's proof can never stand in for its parent's.
    /// </summary>
    public const string ChildKeyReused = "child-key-reused";

    /// <summary>The request names an agent kind the client's registration (<c>AgentKinds</c>) does not list (<c>invalid_request</c>).</summary>
    public const string AgentKindNotAllowed = "agent-kind-not-allowed";

    /// <summary>The parent session's client does not name this client in its <c>MayDelegateTo</c> (<c>invalid_grant</c>).</summary>
    public const string DelegationNotAllowed = "delegation-not-allowed";

    /// <summary>The subject token was issued to a client with no user behind it, such as a client-credentials token (<c>invalid_grant</c>).</summary>
    public const string ClientTokenRefused = "client-token-refused";

    /// <summary>The subject token is typed <c>JWT</c>, which its issuer's configuration does not allow (<c>invalid_grant</c>).</summary>
    public const string JwtTypeNotAllowed = "jwt-type-not-allowed";

    /// <summary>The subject token's IdP client (<c>azp</c>, <c>client_id</c>) is not one this client may trade (<c>invalid_grant</c>).</summary>
    public const string IdpClientNotAllowed = "idp-client-not-allowed";

    /// <summary>A requested scope is not carried by the user's token, which carries scopes (<c>invalid_scope</c>).</summary>
    public const string ScopeNotInSubjectToken = "scope-not-in-subject-token";
}
