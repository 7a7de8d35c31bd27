using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>Answers Sessions' <see cref="ISessionPermissionPolicy"/> with the <see cref="ActivePolicy"/>.</summary>
internal sealed class ActivePolicyPermissions(ActivePolicy policy, SessionPermissions permissions) : ISessionPermissionPolicy
{
    public SessionPermissionGrant? Grant(SessionState session, SecurityContext context)
    {
        if (policy.Current is not { } snapshot)
        {
            return null;
        }

        var granted = permissions.Compute(snapshot, session, context);
        return new SessionPermissionGrant(SessionPermissions.With(context, granted), granted.IsEmpty);
    }
}
