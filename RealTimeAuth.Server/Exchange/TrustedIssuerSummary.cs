using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// A token issuer the exchange trusts, as the admin contract lists it; never a secret. The JWKS URI or introspection
/// endpoint come from the issuer's metadata; <see cref="MetadataError"/> says why when it could not be read.
/// </summary>
public sealed record TrustedIssuerSummary(
    string Issuer,
    string Audience,
    string Validation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? JwksUri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IntrospectionEndpoint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MetadataError = null);
