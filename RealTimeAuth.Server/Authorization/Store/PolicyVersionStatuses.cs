namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>Where a stored policy version stands.</summary>
public static class PolicyVersionStatuses
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Superseded = "superseded";
}
