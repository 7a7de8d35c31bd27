using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// One token bucket per partition (a caller's address, or an authenticated admin): <see cref="Burst"/> requests at once,
/// refilled by <see cref="TokensPerPeriod"/> every <see cref="Period"/>.
/// </summary>
public sealed class RateLimitRule
{
    [Range(1, 10_000_000)]
    public int Burst { get; set; }

    [Range(1, 10_000_000)]
    public int TokensPerPeriod { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
}
