using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>
/// The receiving half shared by every delivery method: validate a SET for the streams its deliverer may speak for,
/// store it with the SETs of concurrent deliveries (the store is the replay check; storing wakes the applier). Push (RFC 8935) calls it per request; a poller
/// (RFC 8936) calls it per SET of a poll response, with its one stream, and maps the result to ack or setErrs.
/// Acting on the SET happens afterwards, in <see cref="SetApplier"/>.
/// </summary>
/// <remarks>
/// Throws <see cref="TransmitterUnavailableException"/> or a database exception when this receiver cannot decide or
/// store right now; the SET must then be delivered again (push: 503; poll: do not acknowledge).
/// </remarks>
internal sealed partial class SetProcessor(SetValidator validator, ReceivedSetBatcher store, SetRejectionMetrics metrics, ILogger<SetProcessor> logger)
{
    public async Task<SetProcessingResult> ProcessAsync(
        string compact, IReadOnlyList<SsfStreamDescriptor> streams, string delivery, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(compact, streams, cancellationToken);
        if (validation.Set is not { } set)
        {
            LogRejected(logger, validation.Rejection!.Error, validation.Rejection.Reason, delivery);
            metrics.Rejected(validation.Rejection, delivery);
            return new SetProcessingResult(SetProcessingOutcome.Rejected, validation.Rejection, null);
        }

        if (!await store.AddAsync(set, delivery, cancellationToken))
        {
            LogDuplicate(logger, set.Issuer, set.Jti);
            return new SetProcessingResult(SetProcessingOutcome.Duplicate, null, set.Jti);
        }

        LogAccepted(logger, set.EventType, set.Issuer, set.Jti, delivery);
        return new SetProcessingResult(SetProcessingOutcome.Accepted, null, set.Jti);
    }

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "Accepted SET {Jti} ({EventType}) from {Issuer} by {Delivery}")]
    private static partial void LogAccepted(ILogger logger, string eventType, string issuer, string jti, string delivery);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information, Message = "SET {Jti} from {Issuer} was delivered again; acknowledged, not applied again")]
    private static partial void LogDuplicate(ILogger logger, string issuer, string jti);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning, Message = "Refused a SET by {Delivery}: {Error} ({Reason})")]
    private static partial void LogRejected(ILogger logger, string error, string reason, string delivery);
}
