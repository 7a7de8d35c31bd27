using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// The permissions a session holds under the active policy. Sessions asks when it creates a session and when a user's
/// context changes; Authorization, which owns policies, answers. Sessions knows nothing of policies.
/// </summary>
public interface ISessionPermissionPolicy
{
    /// <summary>
    /// <paramref name="context"/> with the permissions <paramref name="session"/> would hold under it stored in it; null
    /// when no policy is active, and the context stays as it is.
    /// </summary>
    SessionPermissionGrant? Grant(SessionState session, SecurityContext context);
}
