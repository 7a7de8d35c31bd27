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

    /// <summary>
    /// Accept JWT access tokens typed <c>JWT</c>, as IdPs that predate RFC 9068 issue them; otherwise only <c>at+jwt</c>.
    /// An untyped access token cannot be told from an ID token, so this is off unless the issuer needs it.
    /// </summary>
    public bool AllowJwtType { get; set; }

    /// <summary>
    /// Claims that mark a token issued to a client with no user behind it (Entra: <c>idtyp</c> = <c>app</c>), beyond
    /// the rule every issuer gets: <c>sub</c> equal to <c>azp</c> or <c>client_id</c>.
    /// </summary>
    public Dictionary<string, string> ClientTokenClaims { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The RTA scopes each of this issuer's token scopes grants (a token scope always grants the RTA scope of its own
    /// name). When a token carries scopes, the exchange grants no RTA scope they do not grant.
    /// </summary>
    public Dictionary<string, List<string>> ScopeMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Plain-HTTP metadata is accepted only in Development and only when this is false.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
