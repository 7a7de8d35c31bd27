namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>
/// How the simulator acts as a security admin (<c>Simulator:Admin</c>): it signs <see cref="User"/> in through the
/// admin console's client (code + PKCE) for a token with audience <c>rta-admin-api</c>, and calls the server's admin API.
/// Needed by scenarios that revoke and by load runs that measure event-to-stop.
/// </summary>
public sealed class AdminCredentials
{
    public string ClientId { get; set; } = "admin-console";

    /// <summary>The admin console client's secret. Never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>A redirect URI registered for <see cref="ClientId"/>; the app host passes the admin console's <c>/signin-oidc</c>.</summary>
    public string RedirectUri { get; set; } = string.Empty;

    public string Scope { get; set; } = "openid rta.admin";

    /// <summary>A user with role <c>rta-admin</c>.</summary>
    public UserCredentials User { get; set; } = new();

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrEmpty(ClientSecret)
        && !string.IsNullOrWhiteSpace(RedirectUri) && User.IsComplete;
}
