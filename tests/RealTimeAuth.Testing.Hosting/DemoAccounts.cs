namespace RealTimeAuth.Testing.Hosting;

/// <summary>Demo users and clients as the dev IdP's appsettings seed them.</summary>
public static class DemoAccounts
{
    public const string Password = "rta-dev-password";

    public const string RickEmail = "rick@the-citadel.com";
    public const string RickSubject = "CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";
    public const string AdminEmail = "admin@realtimeauth.dev";

    public const string PortalClientId = "portal";
    public const string PortalRedirectUri = "http://localhost/portal/callback";

    public const string AdminConsoleClientId = "admin-console";
    public const string AdminConsoleSecret = "admin-console-dev-secret";

    /// <summary>Set as <c>DevIdp:AdminRedirectUris:0</c>; the IdP appends <c>/signin-oidc</c>.</summary>
    public const string AdminConsoleBaseAddress = "http://localhost:5183";
    public const string AdminConsoleRedirectUri = AdminConsoleBaseAddress + "/signin-oidc";

    public const string IntrospectionClientId = "rta-server";
    public const string IntrospectionSecret = "rta-server-dev-secret";

    /// <summary>The audience the IdP puts in tokens for scope <c>rta</c>.</summary>
    public const string RtaServerAudience = "rta-server";

    /// <summary>The audience the IdP puts in tokens for scope <c>rta.admin</c>.</summary>
    public const string AdminApiAudience = "rta-admin-api";
}
