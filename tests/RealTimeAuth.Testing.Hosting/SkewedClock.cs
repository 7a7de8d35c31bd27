namespace RealTimeAuth.Testing.Hosting;

/// <summary>The system clock shifted by <see cref="Offset"/>, as a replica whose clock runs ahead or behind sees the time.</summary>
public sealed class SkewedClock(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
