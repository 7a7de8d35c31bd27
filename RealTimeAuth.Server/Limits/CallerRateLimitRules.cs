using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// <c>RateLimits:PerClient</c>: the token bucket every authenticated caller gets unless <c>RateLimits:Clients</c> names
/// it. The defaults are about three times what the load driver reaches with one client, one PEP or one stream on the
/// reference machine (ADR 0019), so the benchmarks and the simulator never meet them.
/// </summary>
public sealed class CallerRateLimitRules
{
    /// <summary>Exchanges per client: the exchange driver's one client peaks near 300/s with 16 workers.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule Token { get; set; } = new() { Burst = 2_000, TokensPerPeriod = 1_000 };

    /// <summary>Authorize calls per client: 1,000 agents of one client peak near 14,000/s.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule Live { get; set; } = new() { Burst = 50_000, TokensPerPeriod = 50_000 };

    /// <summary>AuthZEN requests per PEP: the AuthZEN driver's one API key peaks near 28,000 evaluations/s.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule AuthZen { get; set; } = new() { Burst = 100_000, TokensPerPeriod = 100_000 };

    /// <summary>SETs per stream: bursts of thousands of SETs on one stream, accepted near 930/s.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule Ssf { get; set; } = new() { Burst = 10_000, TokensPerPeriod = 5_000 };

    public RateLimitRule Of(CallerLimit limit) => limit switch
    {
        CallerLimit.Token => Token,
        CallerLimit.Live => Live,
        CallerLimit.AuthZen => AuthZen,
        CallerLimit.Ssf => Ssf,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "Not a caller limit."),
    };
}
