using System.ComponentModel.DataAnnotations;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.Admin.Auth;

/// <summary>How the console signs admins in and where it finds the server (configuration section <c>Admin</c>).</summary>
public sealed class AdminConsoleOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// The OpenID Connect issuer (<c>Admin:Authority</c>). When unset, the Aspire reference to the dev IdP
    /// (<c>services:devidp:http:0</c>) is used.
    /// </summary>
    [Required(ErrorMessage = $"Set 'Admin:Authority' to the OpenID Connect issuer admins sign in at (or reference '{ResourceNames.DevIdp}' from the app host).")]
    public string? Authority { get; set; }

    [Required]
    public string ClientId { get; set; } = "admin-console";

    /// <summary>The console's client secret at the IdP (<c>Admin:ClientSecret</c>); from configuration only.</summary>
    [Required(ErrorMessage = "Set 'Admin:ClientSecret' to the admin console's client secret at the identity provider.")]
    public string? ClientSecret { get; set; }

    /// <summary>The RTA server's base address; service discovery resolves the Aspire name.</summary>
    [Required]
    public string ServerAddress { get; set; } = $"https+http://{ResourceNames.Server}";

    /// <summary>Plain-HTTP metadata is accepted only in Development and only when this is false.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Scopes requested at sign-in; <c>roles</c> puts the role claims in the identity token, <c>rta.admin</c> the API audience in the access token.</summary>
    public List<string> Scopes { get; } = ["openid", "profile", "email", "roles", "rta.admin", "offline_access"];
}
