using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>A token issuer the exchange trusts, as the admin contract lists it; never a secret.</summary>
public sealed record TrustedIssuerSummary(
    string Issuer,
    string Audience,
    string Validation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? JwksUri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IntrospectionEndpoint);
