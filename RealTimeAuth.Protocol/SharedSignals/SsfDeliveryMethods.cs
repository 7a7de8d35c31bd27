namespace RealTimeAuth.Protocol.SharedSignals;

/// <summary>SSF delivery method identifiers (SSF 1.0 §6.1).</summary>
public static class SsfDeliveryMethods
{
    /// <summary>Push delivery, RFC 8935: the transmitter POSTs each SET to the receiver.</summary>
    public const string Push = "urn:ietf:rfc:8935";

    /// <summary>Poll delivery, RFC 8936: the receiver polls the transmitter.</summary>
    public const string Poll = "urn:ietf:rfc:8936";
}
