namespace RealTimeAuth.Server.Exchange;

/// <summary>The token exchange: trusted issuers, registered clients, nonces (configuration section <c>Exchange</c>).</summary>
public sealed class ExchangeOptions
{
    public const string SectionName = "Exchange";

    public List<TrustedIssuerOptions> TrustedIssuers { get; set; } = [];

    public Dictionary<string, ExchangeClientOptions> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a nonce is remembered; a request reusing one inside this window is refused.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
