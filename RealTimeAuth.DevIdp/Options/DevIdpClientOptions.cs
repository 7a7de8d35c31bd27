namespace RealTimeAuth.DevIdp.Options;

/// <summary>
/// One OAuth client of the development identity provider (<c>DevIdp:Clients:{clientId}</c>).
/// </summary>
public sealed class DevIdpClientOptions
{
    /// <summary>
    /// <c>confidential</c> (the default: needs <see cref="ClientSecret"/>) or <c>public</c>
    /// (no secret; authorization code with PKCE only).
    /// </summary>
    public string ClientType { get; set; } = "confidential";

    /// <summary>Human-readable name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// Client secret of a confidential client (<c>DevIdp:Clients:{clientId}:ClientSecret</c>).
    /// Development defaults live in <c>appsettings.Development.json</c>.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>Grant types: <c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>.</summary>
    public List<string> GrantTypes { get; } = [];

    /// <summary>Scopes the client may request.</summary>
    public List<string> Scopes { get; } = [];

    /// <summary>Allowed redirect URIs (authorization code flow).</summary>
    public List<string> RedirectUris { get; } = [];

    /// <summary>Allowed post-logout redirect URIs (end-session endpoint).</summary>
    public List<string> PostLogoutRedirectUris { get; } = [];

    /// <summary>Whether the client may call the RFC 7662 introspection endpoint.</summary>
    public bool AllowIntrospection { get; set; }

    /// <summary>Whether the client may call the RFC 7009 revocation endpoint.</summary>
    public bool AllowRevocation { get; set; }
}
