using System.Text.Json;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>One AuthZEN request body (or batch item) as read: every member optional until validated.</summary>
internal sealed record AccessRequest(EntityReference? Subject, string? Action, EntityReference? Resource, JsonElement? Context)
{
    /// <summary>This item with the batch's top-level members filling what it leaves out.</summary>
    public AccessRequest Over(AccessRequest defaults) =>
        new(Subject ?? defaults.Subject, Action ?? defaults.Action, Resource ?? defaults.Resource, Context ?? defaults.Context);
}
