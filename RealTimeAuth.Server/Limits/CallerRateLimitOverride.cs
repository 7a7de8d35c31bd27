namespace RealTimeAuth.Server.Limits;

/// <summary>
/// <c>RateLimits:Clients:&lt;name&gt;</c>: one caller's own buckets; a family left out keeps <c>RateLimits:PerClient</c>.
/// The name is an exchange client id, a PEP (<c>api-key</c> or a token's client id), or an SSF transmitter issuer. An
/// issuer URL holds ':', which a configuration key cannot, so a stream is named by <see cref="Issuer"/> instead.
/// </summary>
public sealed class CallerRateLimitOverride
{
    /// <summary>The SSF transmitter issuer this entry is for, exactly as its stream has it.</summary>
    public string? Issuer { get; set; }

    public RateLimitRule? Token { get; set; }

    public RateLimitRule? Live { get; set; }

    public RateLimitRule? AuthZen { get; set; }

    public RateLimitRule? Ssf { get; set; }

    public RateLimitRule? Of(CallerLimit limit) => limit switch
    {
        CallerLimit.Token => Token,
        CallerLimit.Live => Live,
        CallerLimit.AuthZen => AuthZen,
        CallerLimit.Ssf => Ssf,
        _ => null,
    };
}
