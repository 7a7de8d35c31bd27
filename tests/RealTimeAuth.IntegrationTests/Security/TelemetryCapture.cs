using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace RealTimeAuth.IntegrationTests.Security;

/// <summary>
/// Everything this process writes to logs, spans and metric tags while it is alive, as text: log lines through the
/// built-in <c>Microsoft-Extensions-Logging</c> event source (formatted message, arguments and exception of every
/// logger, at every level the host's filters let through), every activity's name, tags, events and status, and every
/// measurement's tags. The servers under test run in this process, so nothing they emit is missed.
/// </summary>
internal sealed class TelemetryCapture : EventListener
{
    private const string LoggingSource = "Microsoft-Extensions-Logging";
    private const EventKeywords FormattedMessage = (EventKeywords)4;
    private const EventKeywords JsonMessage = (EventKeywords)8;

    private readonly ConcurrentQueue<(string Origin, string Text)> _texts = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public TelemetryCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _meters.Start();
    }

    /// <summary>Logger categories left out: the dev IdP shares this process but is not the server under test.</summary>
    public IReadOnlyList<string> IgnoredCategories { get; init; } = [];

    public IReadOnlyList<(string Origin, string Text)> Texts => [.. _texts];

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == LoggingSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, FormattedMessage | JsonMessage);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventSource.Name != LoggingSource || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var fields = eventData.PayloadNames.Zip(eventData.Payload).ToDictionary(pair => pair.First, pair => pair.Second);
        var category = fields.GetValueOrDefault("LoggerName") as string ?? string.Empty;
        if (IgnoredCategories.Any(ignored => category.StartsWith(ignored, StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var (name, value) in fields)
        {
            if (value is string text && text.Length > 0)
            {
                _texts.Enqueue(($"log {category} {eventData.EventName}.{name}", text));
            }
        }
    }

    public override void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        base.Dispose();
    }

    private void Record(Activity activity)
    {
        var origin = $"span {activity.Source.Name}/{activity.DisplayName}";
        _texts.Enqueue((origin, activity.DisplayName));
        if (activity.StatusDescription is { } status)
        {
            _texts.Enqueue((origin, status));
        }

        foreach (var (key, value) in activity.TagObjects)
        {
            _texts.Enqueue(($"{origin} tag {key}", Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        foreach (var activityEvent in activity.Events)
        {
            _texts.Enqueue(($"{origin} event", activityEvent.Name));
            foreach (var (key, value) in activityEvent.Tags)
            {
                _texts.Enqueue(($"{origin} event tag {key}", Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
            }
        }

        foreach (var (key, value) in activity.Baggage)
        {
            _texts.Enqueue(($"{origin} baggage {key}", value ?? string.Empty));
        }
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            if (value is string text)
            {
                _texts.Enqueue(($"metric {instrument.Meter.Name}/{instrument.Name} tag {key}", text));
            }
        }
    }
}
