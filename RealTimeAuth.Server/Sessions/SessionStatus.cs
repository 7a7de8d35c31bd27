namespace RealTimeAuth.Server.Sessions;

public enum SessionStatus
{
    Active = 0,
    Revoked = 1,
}
