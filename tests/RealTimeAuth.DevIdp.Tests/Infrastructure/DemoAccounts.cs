using RealTimeAuth.Testing.Identity;
namespace RealTimeAuth.DevIdp.Tests.Infrastructure;

/// <summary>Users, clients and development secrets as the DevIdp's appsettings seed them.</summary>
internal static class DemoAccounts
{
    public const string Password = "rta-dev-password";

    public const string RickSubject = "CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";
    public const string RickEmail = "rick@the-citadel.com";

    public const string PortalRedirectUri = "http://localhost/portal/callback";
    public const string PortalPostLogoutUri = "http://localhost/portal/signed-out";

    public const string AgentSecret = "agent-dev-secret";
    public const string RtaServerSecret = "rta-server-dev-secret";
    public const string AdminConsoleSecret = "admin-console-dev-secret";

    public static CodeFlowRequest RickAtPortal(string scope = "openid profile email roles offline_access rta") =>
        new("portal", PortalRedirectUri, scope, RickEmail, Password);
}
