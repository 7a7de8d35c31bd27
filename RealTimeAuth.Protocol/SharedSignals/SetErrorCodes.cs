namespace RealTimeAuth.Protocol.SharedSignals;

/// <summary>Security Event Token error codes (RFC 8935 §2.4), the <c>err</c> of a failure response.</summary>
public static class SetErrorCodes
{
    /// <summary>The request body cannot be parsed as a SET, or the event payload does not conform to its definition.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>A key used to sign the SET is invalid or unacceptable.</summary>
    public const string InvalidKey = "invalid_key";

    /// <summary>The SET issuer is invalid for this recipient.</summary>
    public const string InvalidIssuer = "invalid_issuer";

    /// <summary>The SET audience does not correspond to this recipient.</summary>
    public const string InvalidAudience = "invalid_audience";

    /// <summary>The recipient could not authenticate the transmitter.</summary>
    public const string AuthenticationFailed = "authentication_failed";

    /// <summary>The transmitter is not authorized to transmit this SET to this recipient.</summary>
    public const string AccessDenied = "access_denied";
}
