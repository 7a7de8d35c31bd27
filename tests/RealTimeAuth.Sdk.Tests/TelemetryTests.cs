using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk.Tests;

[Trait("Tier", "Functional")]
public sealed class TelemetryTests : SdkTestBase, IDisposable
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly MeterListener _meterListener = new();

    public TelemetryTests()
    {
        var meterFactory = _metrics.GetRequiredService<IMeterFactory>();
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _meterListener.Start();
    }

    public void Dispose()
    {
        _meterListener.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task RevocationPushed_LatencyAndReceivedAtComeFromTimeProvider()
    {
        var client = await ConnectAsync("mail:read");
        var revoked = new EventRecorder<RtaRevokedEventArgs>();
        client.Revoked += revoked.Record;
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();

        stream.PushRevocation(1, RtaRevocationReasons.SessionRevoked, 12, Now.AddMilliseconds(-42).ToUnixTimeMilliseconds());

        var args = await revoked.NextAsync();
        Assert.Equal(Now, args.ReceivedAt);
        var latency = Assert.Single(_measurements, measurement => measurement.Name == "rta.sdk.revocation.latency");
        Assert.Equal(42, latency.Value);
        Assert.Contains(new KeyValuePair<string, object?>("rta.reason", RtaRevocationReasons.SessionRevoked), latency.Tags);
    }

    [Fact]
    public async Task AuthorizeAsync_AllowedThenDenied_CountsDecisionsAndOneDenial()
    {
        var client = await ConnectAsync("mail:read");
        Server.Live.Decide = request => request.Action == "mail.read"
            ? new AuthorizeResponse { Decision = true, Reason = "allowed" }
            : new AuthorizeResponse { Decision = false, Reason = "scope-missing" };

        await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);
        await client.AuthorizeAsync("mail.send", "mailbox", "outbox").WaitAsync(TestTimeouts.Default);

        Assert.Equal(2, _measurements.Count(measurement => measurement.Name == "rta.sdk.decisions"));
        var denial = Assert.Single(_measurements, measurement => measurement.Name == "rta.sdk.denials");
        Assert.Contains(new KeyValuePair<string, object?>("rta.reason", "scope-missing"), denial.Tags);
    }

    [Fact]
    public async Task RevocationPushed_SpanCarriesReasonAndEventSequenceButNoToken()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RtaTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var client = await ConnectAsync("mail:read");
        var token = client.CurrentToken;
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        stream.PushRevocation(1, "policy", 987_654, Now.ToUnixTimeMilliseconds());
        await client.WaitForStateAsync(RtaConnectionState.Revoked);

        var revocation = Assert.Single(activities, activity =>
            activity.OperationName == "rta.revocation" && Equals(activity.GetTagItem("rta.event_sequence"), 987_654L));
        Assert.Equal("policy", revocation.GetTagItem("rta.reason"));
        Assert.Contains(activities, activity => activity.OperationName == "rta.exchange");
        Assert.Contains(activities, activity => activity.OperationName == "rta.authorize");
        Assert.DoesNotContain(activities, activity => activity.TagObjects.Any(tag => tag.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true));
    }

    internal override void Configure(RtaClientOptions options) =>
        Server.Tokens.Proofs.Clock = _time; // proofs are stamped by the client's clock; the fake server checks them on it

    internal override RtaClientFactory CreateFactory(RtaClientOptions options) =>
        new(options, timeProvider: _time, meterFactory: _metrics.GetRequiredService<IMeterFactory>());
}
