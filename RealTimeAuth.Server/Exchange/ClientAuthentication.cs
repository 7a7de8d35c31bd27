namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// The authenticated client, or a failure with its <see cref="ExchangeRejectionReasons"/> code that remembers whether
/// Basic was tried (RFC 6749 §5.2: then 401 with a challenge).
/// </summary>
internal sealed record ClientAuthentication(bool IsAuthenticated, string? ClientId, ExchangeClientOptions? Client, bool UsedBasic, string? Reason = null)
{
    public static ClientAuthentication Succeeded(string clientId, ExchangeClientOptions client) => new(true, clientId, client, false);

    public static ClientAuthentication Failed(string reason, bool usedBasic) => new(false, null, null, usedBasic, reason);
}
