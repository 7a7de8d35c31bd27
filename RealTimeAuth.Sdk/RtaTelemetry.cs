namespace RealTimeAuth.Sdk;

/// <summary>Names to subscribe to with OpenTelemetry: <c>AddSource(RtaTelemetry.ActivitySourceName)</c>, <c>AddMeter(RtaTelemetry.MeterName)</c>.</summary>
public static class RtaTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of exchange, authorize, reconnect and revocation spans.</summary>
    public const string ActivitySourceName = "RealTimeAuth.Sdk";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the SDK's counters and histograms.</summary>
    public const string MeterName = "RealTimeAuth.Sdk";
}
