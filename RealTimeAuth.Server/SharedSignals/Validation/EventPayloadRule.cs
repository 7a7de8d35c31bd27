using System.Text.Json;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// RFC 8935 §2.4 (<c>invalid_request</c>: the payload does not conform to the event's definition): the members
/// this receiver acts on are present and have values it understands. Unknown members, and events of unknown type,
/// pass untouched.
/// </summary>
internal static class EventPayloadRule
{
    private static readonly string[] RiskLevels = ["LOW", "MEDIUM", "HIGH"];
    private static readonly string[] ComplianceStatuses = ["compliant", "not-compliant"];
    private static readonly string[] StreamStatuses = ["enabled", "paused", "disabled"];

    public static SetRejection? Check(string eventType, JsonElement payload) => eventType switch
    {
        // CAEP 1.0 §3.2: claims REQUIRED.
        SsfEventTypes.TokenClaimsChange => Require(payload.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Object,
            "token-claims-change needs a claims object."),
        // CAEP 1.0 §3.3: credential_type and change_type REQUIRED.
        SsfEventTypes.CredentialChange => Require(IsString(payload, "credential_type") && IsString(payload, "change_type"),
            "credential-change needs credential_type and change_type."),
        // CAEP 1.0 §3.4: namespace and current_level REQUIRED.
        SsfEventTypes.AssuranceLevelChange => Require(IsString(payload, "namespace") && IsString(payload, "current_level"),
            "assurance-level-change needs namespace and current_level."),
        // CAEP 1.0 §3.5: current_status is compliant or not-compliant.
        SsfEventTypes.DeviceComplianceChange => Require(OneOf(payload, "current_status", ComplianceStatuses, StringComparison.Ordinal),
            "device-compliance-change needs current_status 'compliant' or 'not-compliant'."),
        // CAEP 1.0 §3.8: current_level is LOW, MEDIUM or HIGH.
        SsfEventTypes.RiskLevelChange => Require(OneOf(payload, "current_level", RiskLevels, StringComparison.OrdinalIgnoreCase),
            "risk-level-change needs current_level LOW, MEDIUM or HIGH."),
        // RISC 1.0 §2.5: the new value of the identifier.
        SsfEventTypes.IdentifierChanged => Require(IsString(payload, "new-value"), "identifier-changed needs new-value."),
        // SSF 1.0 §8.1.5: the stream's new status.
        SsfEventTypes.StreamUpdated => Require(OneOf(payload, "status", StreamStatuses, StringComparison.Ordinal),
            "stream-updated needs status 'enabled', 'paused' or 'disabled'."),
        SsfEventTypes.Verification => Require(!payload.TryGetProperty("state", out var state) || state.ValueKind == JsonValueKind.String,
            "verification's state must be a string."),
        _ => null,
    };

    private static bool IsString(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;

    private static bool OneOf(JsonElement payload, string name, string[] allowed, StringComparison comparison) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && allowed.Any(candidate => string.Equals(candidate, value.GetString(), comparison));

    private static SetRejection? Require(bool condition, string description) =>
        condition ? null : SetRejection.InvalidRequest(SetRejectionReasons.EventPayload, description);
}
