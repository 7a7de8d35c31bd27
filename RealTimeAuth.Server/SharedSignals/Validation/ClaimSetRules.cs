using System.Text.Json;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>The claim rules of RFC 8417 and SSF 1.0 §4 that need nothing but the claims themselves.</summary>
internal static class ClaimSetRules
{
    public const int MaxJtiLength = 256;

    /// <summary>RFC 8417 §2.2: <c>jti</c> is required; it names the SET for de-duplication.</summary>
    public static SetRejection? CheckJti(SecurityEventToken token) =>
        token.ClaimString("jti") is { Length: > 0 and <= MaxJtiLength }
            ? null
            : SetRejection.InvalidRequest(SetRejectionReasons.JtiMissing, $"The SET needs a jti, a string of at most {MaxJtiLength} characters.");

    /// <summary>SSF 1.0 §4.1.2: the subject is in <c>sub_id</c>; a <c>sub</c> claim must not be present.</summary>
    public static SetRejection? CheckNoSub(SecurityEventToken token) =>
        token.HasClaim("sub")
            ? SetRejection.InvalidRequest(SetRejectionReasons.SubPresent, "The SET carries a sub claim; SSF SETs name their subject in sub_id.")
            : null;

    /// <summary>RFC 8417 §2.2 and SSF 1.0 §4.1.4: a SET is not a token with a lifetime; <c>exp</c> must not be present.</summary>
    public static SetRejection? CheckNoExp(SecurityEventToken token) =>
        token.HasClaim("exp")
            ? SetRejection.InvalidRequest(SetRejectionReasons.ExpPresent, "The SET carries an exp claim, which SETs must not use.")
            : null;

    /// <summary>SSF 1.0 §4.1.3: <c>events</c> holds exactly one event, whose payload is a JSON object.</summary>
    public static (string? EventType, JsonElement Event, SetRejection? Rejection) CheckSingleEvent(SecurityEventToken token)
    {
        if (!token.Claims.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Object)
        {
            return (null, default, SetRejection.InvalidRequest(SetRejectionReasons.EventCount, "The SET has no events object."));
        }

        var members = events.EnumerateObject().ToList();
        if (members.Count != 1)
        {
            return (null, default, SetRejection.InvalidRequest(SetRejectionReasons.EventCount, $"The SET holds {members.Count} events; an SSF SET holds exactly one."));
        }

        var only = members[0];
        if (only.Name.Length is 0 or > 512)
        {
            return (null, default, SetRejection.InvalidRequest(SetRejectionReasons.EventCount, "The event type is empty or too long."));
        }

        return only.Value.ValueKind == JsonValueKind.Object
            ? (only.Name, only.Value, null)
            : (null, default, SetRejection.InvalidRequest(SetRejectionReasons.EventPayload, "The event payload is not a JSON object."));
    }
}
