namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>The public client the portal user signs in through (<c>Simulator:Portal</c>): authorization code with PKCE.</summary>
public sealed class PortalClientOptions
{
    public string ClientId { get; set; } = "portal";

    /// <summary>A loopback callback registered at the IdP; the simulator reads the code from the redirect and never follows it.</summary>
    public string RedirectUri { get; set; } = "http://localhost/portal/callback";

    /// <summary><c>rta</c> puts the RTA server in the access token's audience.</summary>
    public string Scope { get; set; } = "openid profile email roles rta";
}
