using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// The SET's <c>iss</c> must be the transmitter of a stream the caller authenticated for (RFC 8935 §2). An issuer
/// this receiver does not know is <c>invalid_issuer</c>; one it knows, but not from this caller, is
/// <c>access_denied</c>; a stream this receiver disabled is <c>access_denied</c> too.
/// </summary>
internal static class StreamSelectionRule
{
    public static (IReadOnlyList<SsfStreamDescriptor> Streams, SetRejection? Rejection) Check(
        SecurityEventToken token, IReadOnlyList<SsfStreamDescriptor> authenticated, SsfStreamCatalog catalog)
    {
        var issuer = token.ClaimString("iss");
        if (string.IsNullOrEmpty(issuer))
        {
            return ([], SetRejection.InvalidRequest(SetRejectionReasons.Malformed, "The SET has no iss."));
        }

        var streams = authenticated.Where(stream => stream.Issuer == issuer).ToList();
        if (streams.Count == 0)
        {
            return catalog.IsKnownIssuer(issuer)
                ? ([], new SetRejection(SetErrorCodes.AccessDenied, SetRejectionReasons.IssuerNotAuthorized, $"This stream may not deliver SETs of issuer {issuer}."))
                : ([], new SetRejection(SetErrorCodes.InvalidIssuer, SetRejectionReasons.UnknownIssuer, $"Not authorized for issuer {issuer}."));
        }

        var enabled = streams.Where(stream => stream.Enabled).ToList();
        return enabled.Count == 0
            ? ([], new SetRejection(SetErrorCodes.AccessDenied, SetRejectionReasons.StreamDisabled, "The stream is disabled at this receiver."))
            : (enabled, null);
    }
}
