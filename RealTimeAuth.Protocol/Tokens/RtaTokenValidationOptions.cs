namespace RealTimeAuth.Protocol.Tokens;

/// <summary>Settings of <see cref="RtaTokenValidator"/>.</summary>
public sealed class RtaTokenValidationOptions
{
    /// <summary>Largest accepted cache capacity.</summary>
    public const int MaxVerifiedTokenCacheCapacity = 1 << 20;

    /// <summary>
    /// How long after its issue time a token is accepted (inclusive). Default 5 minutes. The server
    /// pushes a fresh token long before this; the window only bounds replay of a stolen one.
    /// </summary>
    public TimeSpan FreshnessWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far in the future an issue time may lie (inclusive), for replica clocks that disagree. Default 60 seconds: replicas
    /// each within ±30 s of true time. See docs/adr/0022-replica-faults-on-the-live-channel.md.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Number of verified tokens remembered so a repeat skips the Ed25519 verify; rounded up to a power
    /// of two. 0 turns the cache off. Each entry costs about 140 bytes. Default 4096.
    /// </summary>
    public int VerifiedTokenCacheCapacity { get; set; } = 4096;

    internal void Validate()
    {
        if (FreshnessWindow <= TimeSpan.Zero || FreshnessWindow > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(FreshnessWindow), FreshnessWindow, "Set FreshnessWindow to more than zero and at most one day.");
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ClockSkew), ClockSkew, "Set ClockSkew between zero and one hour.");
        }

        if (VerifiedTokenCacheCapacity is < 0 or > MaxVerifiedTokenCacheCapacity)
        {
            throw new ArgumentOutOfRangeException(
                nameof(VerifiedTokenCacheCapacity),
                VerifiedTokenCacheCapacity,
                $"Set VerifiedTokenCacheCapacity between 0 (off) and {MaxVerifiedTokenCacheCapacity}.");
        }
    }
}
