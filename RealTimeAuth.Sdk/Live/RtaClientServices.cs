using Microsoft.Extensions.Logging;
using RealTimeAuth.Sdk.Telemetry;

namespace RealTimeAuth.Sdk.Live;

/// <summary>What every client of one factory shares.</summary>
internal sealed record RtaClientServices(
    TimeProvider Time,
    RtaSdkTelemetry Telemetry,
    ILogger Logger,
    TimeSpan ReconnectBaseDelay,
    TimeSpan ReconnectMaxDelay);
