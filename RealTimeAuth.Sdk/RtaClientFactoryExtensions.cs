namespace RealTimeAuth.Sdk;

/// <summary>Shorthands for <see cref="IRtaClientFactory"/>.</summary>
public static class RtaClientFactoryExtensions
{
    /// <summary>Exchanges the user's IdP access token for a session of the configured agent and connects it.</summary>
    public static Task<RtaClient> ConnectAsync(
        this IRtaClientFactory factory,
        string userAccessToken,
        IEnumerable<string> scopes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrEmpty(userAccessToken);
        ArgumentNullException.ThrowIfNull(scopes);
        return factory.ConnectAsync(new RtaSessionRequest { SubjectToken = userAccessToken, Scopes = [.. scopes] }, cancellationToken);
    }
}
