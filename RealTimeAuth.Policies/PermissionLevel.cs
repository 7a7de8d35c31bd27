namespace RealTimeAuth.Policies;

/// <summary>What a policy set could allow one subject and agent for an action on a resource type.</summary>
public enum PermissionLevel
{
    /// <summary>No request is allowed: no allow rule reaches them, or a deny rule covers every resource unconditionally.</summary>
    Denied,

    /// <summary>Some requests may be allowed, depending on the resource, the request context or the time.</summary>
    Possible,

    /// <summary>Every request is allowed unless a deny rule that reads the request says otherwise.</summary>
    Allowed,
}
