using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Live;

/// <summary>Counts (<c>rta.streams.dropped</c>) and logs each stream the server closed while its session stayed active.</summary>
internal sealed partial class StreamDrops(RtaServerTelemetry telemetry, ILogger<StreamDrops> logger)
{
    /// <summary>Reports <paramref name="connection"/> if it was dropped; call once, when its stream has ended.</summary>
    public void Report(LiveConnection connection)
    {
        if (connection.DropReason is not { } reason)
        {
            return;
        }

        telemetry.DroppedStreams.Add(1,
            new KeyValuePair<string, object?>("rta.stream.transport", connection.Transport),
            new KeyValuePair<string, object?>("rta.stream.close_reason", reason));
        if (reason == RtaStreamCloseReasons.StreamStalled)
        {
            LogStalled(logger, connection.Transport, connection.SessionId, connection.LastSent, connection.LastAcknowledged);
        }
    }

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning,
        Message = "Closed a {Transport} stream of session {SessionId}: its client stopped taking messages (sent {LastSent}, "
            + "acknowledged {LastAcknowledged}; LiveChannel:MaxPendingMessages, LiveChannel:WriteTimeout)")]
    private static partial void LogStalled(ILogger logger, string transport, Guid sessionId, ulong lastSent, ulong lastAcknowledged);
}
