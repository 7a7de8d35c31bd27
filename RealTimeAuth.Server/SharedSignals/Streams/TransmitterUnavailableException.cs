namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>
/// The transmitter's keys could not be read (network, metadata, configuration). Not the SET's fault: the push is
/// answered 503 so the transmitter delivers it again later.
/// </summary>
public sealed class TransmitterUnavailableException : Exception
{
    public TransmitterUnavailableException()
    {
    }

    public TransmitterUnavailableException(string message)
        : base(message)
    {
    }

    public TransmitterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
