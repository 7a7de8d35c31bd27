namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// What a session asks to do: an action on a resource, with optional resource properties and request
/// context. The shape follows the AuthZEN request (action, resource, context); the subject is the session.
/// </summary>
public sealed record AuthorizationQuery
{
    public required string Action { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceId { get; init; }

    /// <summary>
    /// The resource properties the session's agent sent: its own claims, which policies see only as
    /// <c>resource.asserted</c> (ADR 0017), never as the trusted <c>resource.properties</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ResourceProperties { get; init; } = EmptyMap;

    public IReadOnlyDictionary<string, string> Context { get; init; } = EmptyMap;

    private static IReadOnlyDictionary<string, string> EmptyMap { get; } = new Dictionary<string, string>();
}
