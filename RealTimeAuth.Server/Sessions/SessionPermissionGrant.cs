using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Sessions;

/// <summary>A session context with its permissions stored, and whether the policy left it none.</summary>
public sealed record SessionPermissionGrant(SecurityContext Context, bool IsEmpty);
