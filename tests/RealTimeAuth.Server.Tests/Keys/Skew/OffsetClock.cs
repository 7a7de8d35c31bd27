using Microsoft.Extensions.Time.Testing;

namespace RealTimeAuth.Server.Tests.Keys.Skew;

/// <summary>A replica's clock: true time from a shared <see cref="FakeTimeProvider"/>, shifted by a fixed offset. Timers and elapsed time run at true rate.</summary>
internal sealed class OffsetClock(FakeTimeProvider trueTime, TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => trueTime.GetUtcNow() + Offset;

    public override long GetTimestamp() => trueTime.GetTimestamp();

    public override long TimestampFrequency => trueTime.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        trueTime.CreateTimer(callback, state, dueTime, period);
}
