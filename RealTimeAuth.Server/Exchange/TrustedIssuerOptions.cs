using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Exchange;

/// <summary>An identity provider whose access tokens may be exchanged (configuration <c>Exchange:TrustedIssuers:N</c>).</summary>
public sealed class TrustedIssuerOptions
{
    /// <summary>The issuer identifier exactly as it appears in <c>iss</c> and in its discovery document.</summary>
    [Required]
    public string Issuer { get; set; } = string.Empty;

    /// <summary>Where to read <c>/.well-known/openid-configuration</c>; defaults to <see cref="Issuer"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The audience the IdP puts in tokens meant for this server.</summary>
    [Required]
    public string Audience { get; set; } = string.Empty;

    public SubjectTokenValidation Validation { get; set; } = SubjectTokenValidation.Jwt;

    /// <summary>Introspection client credentials (RFC 7662 §2.1), needed for <see cref="SubjectTokenValidation.Introspection"/>.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Plain-HTTP metadata is accepted only in Development and only when this is false.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
