using System.Net;

namespace RealTimeAuth.Sdk;

/// <summary>The token endpoint refused an exchange with an OAuth 2.0 error (RFC 6749 §5.2).</summary>
public sealed class RtaExchangeException : Exception
{
    public RtaExchangeException(string error, string? errorDescription, HttpStatusCode statusCode)
        : base(errorDescription is null ? $"Token exchange failed: {error}." : $"Token exchange failed: {error}: {errorDescription}")
    {
        Error = error;
        ErrorDescription = errorDescription;
        StatusCode = statusCode;
    }

    /// <summary>The OAuth error code, for example <c>invalid_grant</c>.</summary>
    public string Error { get; }

    /// <summary>
    /// The server's description, if any. The RTA server starts it with a stable reason code and a colon, for example
    /// <c>untrusted-issuer: The subject token is not from a trusted issuer.</c>; match the code, never the sentence.
    /// </summary>
    public string? ErrorDescription { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }
}
