using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// Why a SET was refused: the RFC 8935 §2.4 error code sent as <c>err</c>, a stable reason code for logs and
/// metrics, and a description safe to send back to the transmitter.
/// </summary>
public sealed record SetRejection(string Error, string Reason, string Description)
{
    public static SetRejection InvalidRequest(string reason, string description) => new(SetErrorCodes.InvalidRequest, reason, description);

    public static SetRejection InvalidKey(string reason, string description) => new(SetErrorCodes.InvalidKey, reason, description);
}
