namespace RealTimeAuth.Server.Auth;

/// <summary>The admin API's roles: <c>rta-admin</c> acts, <c>rta-auditor</c> only reads.</summary>
public static class AdminPolicies
{
    public const string Scheme = "AdminBearer";
    public const string Read = "rta-read";
    public const string Act = "rta-act";
    public const string AdminRole = "rta-admin";
    public const string AuditorRole = "rta-auditor";
}
