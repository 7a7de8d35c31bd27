using System.Text.Json;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// SSF 1.0 §4.1.2: the subject is the top-level <c>sub_id</c>, a well-formed subject identifier. A SET without one
/// is still accepted when its CAEP or RISC event carries the legacy in-event <c>subject</c>.
/// </summary>
internal static class SubjectRule
{
    public static (JsonElement Subject, SetRejection? Rejection) Check(SecurityEventToken token, JsonElement eventPayload)
    {
        JsonElement subject;
        if (token.Claims.TryGetProperty("sub_id", out var subId))
        {
            subject = subId;
        }
        else if (eventPayload.TryGetProperty("subject", out var legacy))
        {
            subject = SubjectIdentifierRules.NormaliseLegacy(legacy);
        }
        else
        {
            return (default, SetRejection.InvalidRequest(SetRejectionReasons.SubjectMissing, "The SET has no sub_id (SSF 1.0 §4.1.2)."));
        }

        return SubjectIdentifierRules.Validate(subject) is { } error
            ? (default, SetRejection.InvalidRequest(SetRejectionReasons.SubjectMalformed, $"The SET's subject is malformed: {error}"))
            : (subject, null);
    }
}
