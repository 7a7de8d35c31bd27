using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>The event types this transmitter can send.</summary>
internal static class SsfEventCatalog
{
    public static readonly string[] Supported =
    [
        SsfEventTypes.SessionRevoked, SsfEventTypes.CredentialChange, SsfEventTypes.DeviceComplianceChange, SsfEventTypes.RiskLevelChange,
        SsfEventTypes.AccountDisabled, SsfEventTypes.AccountEnabled, SsfEventTypes.Verification, SsfEventTypes.StreamUpdated,
    ];

    /// <summary>SSF 1.0 §8.1.1: the supported types the receiver asked for; verification is always delivered.</summary>
    public static string[] Delivered(IEnumerable<string> requested) =>
        [.. Supported.Where(type => type == SsfEventTypes.Verification || requested.Contains(type, StringComparer.Ordinal))];
}
