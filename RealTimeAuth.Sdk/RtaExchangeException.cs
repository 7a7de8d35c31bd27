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

    /// <summary>The server's human-readable description, if any.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }
}
