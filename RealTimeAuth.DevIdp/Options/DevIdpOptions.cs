namespace RealTimeAuth.DevIdp.Options;

/// <summary>
/// Settings of the development identity provider, bound from the <c>DevIdp</c> section.
/// Everything here is for local development: production uses a real IdP (Entra, Okta, Keycloak…).
/// </summary>
public sealed class DevIdpOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "DevIdp";

    /// <summary>
    /// Absolute issuer URI (<c>DevIdp:Issuer</c>). When empty, OpenIddict uses the base address
    /// of each request, which is what Aspire's changing ports want.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// SQLite file holding OpenIddict's applications, scopes, authorizations and tokens
    /// (<c>DevIdp:DatabasePath</c>). Default: <c>{temp}/realtimeauth-devidp/devidp.db</c>.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// Folder where generated development keys are kept between runs (<c>DevIdp:KeyDirectory</c>).
    /// Default: <c>~/.local/share/RealTimeAuth/devidp-keys</c> (the platform's local application
    /// data folder), or <c>{temp}/realtimeauth-devidp/keys</c> when there is no home folder.
    /// </summary>
    public string KeyDirectory { get; set; } = "";

    /// <summary>
    /// PEM file with an RSA private key used to sign tokens (RS256) (<c>DevIdp:SigningKeyPath</c>).
    /// When empty, a key is generated once into <see cref="KeyDirectory"/> and reused.
    /// </summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>
    /// File with a base64-encoded 256-bit AES key that encrypts authorization codes and refresh
    /// tokens (<c>DevIdp:EncryptionKeyPath</c>). When empty, generated once into <see cref="KeyDirectory"/>.
    /// </summary>
    public string? EncryptionKeyPath { get; set; }

    /// <summary>Lifetime of access tokens (<c>DevIdp:AccessTokenLifetime</c>, default 15 minutes).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Redirect URIs of the admin console (<c>DevIdp:AdminRedirectUris</c>), added to the
    /// <c>admin-console</c> client because Aspire assigns its port. An entry that is a bare base
    /// address (no path) gets <c>/signin-oidc</c> appended; its post-logout redirect URI is the same
    /// origin with <c>/signout-callback-oidc</c>.
    /// </summary>
    public List<string> AdminRedirectUris { get; } = [];

    /// <summary>Demo users (<c>DevIdp:Users:N:…</c>). Passwords come from configuration only.</summary>
    public List<DemoUserOptions> Users { get; } = [];

    /// <summary>Clients keyed by client id (<c>DevIdp:Clients:{clientId}:…</c>).</summary>
    public Dictionary<string, DevIdpClientOptions> Clients { get; } = new(StringComparer.Ordinal);
}
