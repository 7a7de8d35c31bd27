namespace RealTimeAuth.Admin.Auth;

/// <summary>The console's roles, the same the server's admin API enforces: <c>rta-admin</c> acts, <c>rta-auditor</c> reads.</summary>
public static class ConsolePolicies
{
    public const string Read = "console-read";
    public const string Act = "console-act";
    public const string AdminRole = "rta-admin";
    public const string AuditorRole = "rta-auditor";
    public const string RoleClaim = "role";
    public const string CookieName = "rta-admin";
}
