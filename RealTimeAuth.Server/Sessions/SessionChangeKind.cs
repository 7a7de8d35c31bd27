namespace RealTimeAuth.Server.Sessions;

public enum SessionChangeKind
{
    Created,
    Revoked,
    ContextChanged,
}
