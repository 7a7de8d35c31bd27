namespace RealTimeAuth.Server.Limits;

/// <summary>
/// The endpoint families the limits tell apart, by path and method, in this one place so no module has to know about
/// limits: which rate limit applies, how large a body may be, and which error shape a refusal takes.
/// </summary>
internal enum RequestFamily
{
    /// <summary>No rate limit; the JSON body limit and ProblemDetails.</summary>
    Other,

    /// <summary><c>POST /oauth/token</c>: OAuth error shape (RFC 6749 §5.2).</summary>
    Token,

    /// <summary>Live authorize, JSON (<c>/live/v1/…/authorize</c>) or gRPC: ProblemDetails or a gRPC status.</summary>
    Live,

    /// <summary><c>/access/v1/*</c>: ProblemDetails.</summary>
    AuthZen,

    /// <summary><c>POST /ssf/events</c>: RFC 8935 error shape.</summary>
    Ssf,

    /// <summary>Admin API writes (anything but GET and HEAD under <c>/admin/v1</c>): ProblemDetails.</summary>
    AdminWrite,

    /// <summary>Admin documents (policy files, directory imports): a larger body limit.</summary>
    AdminDocument,

    /// <summary>A gRPC call other than <c>Authorize</c>: gRPC bounds its own messages.</summary>
    Grpc,
}
