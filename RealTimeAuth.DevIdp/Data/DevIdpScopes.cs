using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Data;

/// <summary>
/// The scopes this IdP knows. Requesting a RealTimeAuth scope puts its resource server in the
/// access token's <c>aud</c>, which is what the RTA server checks.
/// </summary>
internal static class DevIdpScopes
{
    /// <summary>Scope that admits the token to the RTA server.</summary>
    public const string Rta = "rta";

    /// <summary>Scope for the RTA server's admin API, used by the admin console.</summary>
    public const string RtaAdmin = "rta.admin";

    /// <summary>Audience (resource) of the RTA server; also the client id it introspects with.</summary>
    public const string RtaServerResource = "rta-server";

    /// <summary>Audience (resource) of the RTA server's admin API.</summary>
    public const string RtaAdminApiResource = "rta-admin-api";

    /// <summary>Scope of the Shared Signals stream management API and poll endpoint (a receiver's client-credentials token).</summary>
    public const string SsfManage = "ssf.manage";

    /// <summary>Audience (resource) of the Shared Signals transmitter.</summary>
    public const string SsfTransmitterResource = "ssf-transmitter";

    /// <summary>Every scope advertised in discovery.</summary>
    public static readonly string[] All =
    [
        Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, Rta, RtaAdmin, SsfManage,
    ];

    /// <summary>Scopes stored with their resources: name, display name, resources.</summary>
    public static readonly (string Name, string DisplayName, string[] Resources)[] WithResources =
    [
        (Rta, "RealTimeAuth server", [RtaServerResource]),
        (RtaAdmin, "RealTimeAuth admin API", [RtaAdminApiResource]),
        (SsfManage, "Shared Signals stream management", [SsfTransmitterResource]),
    ];
}
