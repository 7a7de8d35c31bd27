using System.Net;

namespace RealTimeAuth.AgentSimulator.Admin;

/// <summary>The server's admin API refused a call or failed; the message says what to check.</summary>
public sealed class AdminApiException(HttpStatusCode? statusCode, string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The response status; null when the server could not be reached.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
