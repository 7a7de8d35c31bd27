namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A token issuer the exchange trusts; never a secret.</summary>
public sealed record TrustedIssuer(string Issuer, string Audience, string Validation, string? JwksUri, string? IntrospectionEndpoint, string? MetadataError = null);
