namespace RealTimeAuth.Sdk;

/// <summary>Exchanges tokens for sessions and connects their live channels.</summary>
public interface IRtaClientFactory
{
    /// <summary>Exchanges <see cref="RtaSessionRequest.SubjectToken"/> at the token endpoint and opens the new session's live channel.</summary>
    /// <exception cref="RtaExchangeException">The server refused the exchange (RFC 6749 §5.2 error).</exception>
    Task<RtaClient> ConnectAsync(RtaSessionRequest request, CancellationToken cancellationToken = default);
}
