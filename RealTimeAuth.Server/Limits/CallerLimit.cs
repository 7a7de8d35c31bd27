namespace RealTimeAuth.Server.Limits;

/// <summary>
/// The endpoint families limited per authenticated caller (ADR 0019), each checked by its endpoint once the caller is
/// known: never a name the caller merely claims.
/// </summary>
public enum CallerLimit
{
    /// <summary><c>POST /oauth/token</c>, per exchange client once its secret is verified.</summary>
    Token,

    /// <summary>Live authorize (JSON and gRPC), per exchange client of the session a verified token and proof name.</summary>
    Live,

    /// <summary><c>/access/v1/*</c>, per authenticated PEP: <c>api-key</c>, or the client of a verified access token.</summary>
    AuthZen,

    /// <summary><c>POST /ssf/events</c>, per SSF stream whose push Authorization matched.</summary>
    Ssf,
}
