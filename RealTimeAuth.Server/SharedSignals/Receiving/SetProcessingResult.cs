using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>What became of a delivered SET: stored as new, recognised as a re-delivery, or refused with a reason.</summary>
public sealed record SetProcessingResult(SetProcessingOutcome Outcome, SetRejection? Rejection, string? Jti)
{
    /// <summary>Whether the transmitter may consider it delivered (push: 202; poll: acknowledge).</summary>
    public bool IsAccepted => Outcome is SetProcessingOutcome.Accepted or SetProcessingOutcome.Duplicate;
}
