namespace RealTimeAuth.Server.Exchange;

public enum SubjectTokenValidation
{
    /// <summary>Validate the JWT's signature against the issuer's JWKS, and its issuer, audience and lifetime.</summary>
    Jwt,

    /// <summary>Ask the issuer (RFC 7662) whether the token is active.</summary>
    Introspection,
}
