namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>A call to a transmitter's management API failed (network, status, or a document this receiver cannot use).</summary>
public sealed class SsfTransmitterException : Exception
{
    public SsfTransmitterException()
    {
    }

    public SsfTransmitterException(string message)
        : base(message)
    {
    }

    public SsfTransmitterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
