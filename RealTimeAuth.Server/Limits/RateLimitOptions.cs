using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// Configuration section <c>RateLimits</c>: a token bucket per endpoint family and caller (ADR 0019). The defaults are
/// about three times what the load driver reaches from one address on the reference machine, so the simulator's load
/// mode and the benchmarks never meet them; deployments behind a gateway lower them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Off turns every rate limit off (the body limits stay).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>POST /oauth/token</c> per address: the exchange driver peaks near 300/s with 16 workers.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule Token { get; set; } = new() { Burst = 2_000, TokensPerPeriod = 1_000 };

    /// <summary>Live authorize (JSON and gRPC) per address: 1,000 agents through 32 workers peak near 14,000/s.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule Live { get; set; } = new() { Burst = 50_000, TokensPerPeriod = 50_000 };

    /// <summary><c>/access/v1/*</c> per address: the AuthZEN driver peaks near 28,000 evaluations/s.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule AuthZen { get; set; } = new() { Burst = 100_000, TokensPerPeriod = 100_000 };

    /// <summary><c>POST /ssf/events</c> per address: SSF bursts of thousands of SETs, accepted near 930/s.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule Ssf { get; set; } = new() { Burst = 10_000, TokensPerPeriod = 5_000 };

    /// <summary>Admin API writes per authenticated admin (per address before sign-in): people and scripts, not load.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitRule AdminWrites { get; set; } = new() { Burst = 200, TokensPerPeriod = 100 };

    /// <summary>The buckets per authenticated caller (exchange client, PEP, SSF stream), checked by the endpoints.</summary>
    [Required]
    [ValidateObjectMembers]
    public CallerRateLimitRules PerClient { get; set; } = new();

    /// <summary>Per-caller overrides of <see cref="PerClient"/>, by client id, PEP name or (with its Issuer) SSF stream.</summary>
    public Dictionary<string, CallerRateLimitOverride> Clients { get; set; } = new(StringComparer.Ordinal);
}

[OptionsValidator]
internal sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;

[OptionsValidator]
internal sealed partial class RateLimitRuleValidator : IValidateOptions<RateLimitRule>;
