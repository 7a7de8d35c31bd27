using System.Text.Json;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// ADR 0020: a transmitter's events change only the session-context attributes its stream allows. An event that would
/// change any other is refused whole, before it is stored (RFC 8935 §2.4 <c>access_denied</c>: not authorized to
/// transmit this SET); one allowed claim beside a refused one changes nothing either.
/// </summary>
internal static class ClaimScopeRule
{
    private const int MaxNamed = 5;
    private const int MaxNameLength = 100;

    public static SetRejection? Check(string eventType, JsonElement payload, JsonElement subject, SsfStreamDescriptor stream)
    {
        var refused = AttributesChanged(eventType, payload, subject)
            .Where(attribute => !TransmitterClaims.Allows(stream.AllowedClaims, attribute))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (refused.Count == 0)
        {
            return null;
        }

        // Claim names come from the transmitter: the answer names a few, each cut short.
        var named = string.Join(", ", refused.Take(MaxNamed).Select(name => name.Length > MaxNameLength ? name[..MaxNameLength] + "…" : name))
            + (refused.Count > MaxNamed ? ", …" : string.Empty);
        return new SetRejection(SetErrorCodes.AccessDenied, SetRejectionReasons.ClaimNotAllowed, $"This transmitter may not change {named}.");
    }

    private static IEnumerable<string> AttributesChanged(string eventType, JsonElement payload, JsonElement subject) => eventType switch
    {
        SsfEventTypes.RiskLevelChange => [SubjectAttributes.RiskLevel],
        SsfEventTypes.AssuranceLevelChange => [SubjectAttributes.AssuranceLevel],
        SsfEventTypes.DeviceComplianceChange => [SubjectAttributes.DeviceCompliant],
        SsfEventTypes.TokenClaimsChange => TokenClaimsMapping.AttributesNamed(payload.GetProperty("claims")),
        // RISC identifier-changed rewrites the user's email or phone number in their sessions.
        SsfEventTypes.IdentifierChanged => SubjectIdentifierRules.FormatOf(subject) switch
        {
            SubjectFormats.Email => [SubjectAttributes.Email],
            SubjectFormats.PhoneNumber => [SubjectAttributes.PhoneNumber],
            _ => [],
        },
        _ => [],
    };
}
