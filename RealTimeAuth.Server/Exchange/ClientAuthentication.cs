namespace RealTimeAuth.Server.Exchange;

/// <summary>The authenticated client, or a failure that remembers whether Basic was tried (RFC 6749 §5.2: then 401 with a challenge).</summary>
internal sealed record ClientAuthentication(bool IsAuthenticated, string? ClientId, ExchangeClientOptions? Client, bool UsedBasic)
{
    public static ClientAuthentication Succeeded(string clientId, ExchangeClientOptions client) => new(true, clientId, client, false);

    public static ClientAuthentication Failed(bool usedBasic) => new(false, null, null, usedBasic);
}
