namespace RealTimeAuth.Server.SharedSignals.Receiving;

public enum SetProcessingOutcome
{
    /// <summary>Validated and stored; it will be applied.</summary>
    Accepted,

    /// <summary>Validated, and already received before: acknowledged again, applied once.</summary>
    Duplicate,

    /// <summary>Refused; push answers 400, poll reports it in <c>setErrs</c>.</summary>
    Rejected,
}
