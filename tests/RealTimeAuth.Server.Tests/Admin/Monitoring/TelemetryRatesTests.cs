using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Server.Admin.Monitoring;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Tests.Admin.Monitoring;

public sealed class TelemetryRatesTests : IDisposable
{
    private readonly ServiceProvider _own = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ServiceProvider _other = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Totals_TwoServersInOneProcess_CountOnlyThisHostsMeter()
    {
        using var rates = new TelemetryRates(_own.GetRequiredService<IMeterFactory>(), _time);
        using var mine = new RtaServerTelemetry(_own.GetRequiredService<IMeterFactory>());
        using var theirs = new RtaServerTelemetry(_other.GetRequiredService<IMeterFactory>());

        mine.Decisions.Add(3);
        mine.Denials.Add(1);
        mine.Revocations.Add(2);
        mine.ActiveStreams.Add(4);
        mine.ActiveStreams.Add(-1);
        theirs.Decisions.Add(50);
        theirs.ActiveStreams.Add(7);

        Assert.Equal(3, rates.Decisions);
        Assert.Equal(1, rates.Denials);
        Assert.Equal(2, rates.Revocations);
        Assert.Equal(3, rates.Streams);
    }

    [Fact]
    public void Percentiles_SamplesOfTheLastMinute_P50AndP99_ThenNoneOnceTheyAge()
    {
        using var telemetry = new RtaServerTelemetry(_own.GetRequiredService<IMeterFactory>());
        using var rates = new TelemetryRates(_own.GetRequiredService<IMeterFactory>(), _time);
        Assert.Equal((null, null), rates.RevocationToPushPercentiles());

        for (var value = 1; value <= 100; value++)
        {
            telemetry.RevocationToPush.Record(value);
        }

        Assert.Equal((50, 99), rates.RevocationToPushPercentiles());
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal((null, null), rates.RevocationToPushPercentiles());
    }

    public void Dispose()
    {
        _own.Dispose();
        _other.Dispose();
    }
}
