using System.Collections.Immutable;

namespace RealTimeAuth.Policies.Schema;

/// <summary>
/// The built-in attribute schema. Optional attributes read as absent (<c>has()</c> is false) when the request
/// lacks them: <c>subject.email</c>, the subject's risk, assurance and device facts, <c>resource.id</c>,
/// everything under <c>context.agent</c> and <c>context.delegation</c> when no agent acts, and the clock
/// attributes when the request carries no time. Lists and maps are always present, possibly empty.
/// </summary>
internal static class BuiltInAttributes
{
    private const long MinutesPerDay = 24 * 60;

    public static PolicyType RiskLevel { get; } = PolicyType.Enum("risk_level", "low", "medium", "high");

    public static AttributeSchema Schema { get; } = Build();

    private static AttributeSchema Build()
    {
        var schema = AttributeSchema.Empty;
        foreach (var attribute in Definitions())
        {
            schema = schema.With(attribute);
        }

        return schema;
    }

    private static IEnumerable<AttributeDefinition> Definitions()
    {
        var text = PolicyType.String;
        var list = PolicyType.StringList;
        var map = PolicyType.StringMap;
        yield return AttributeDefinition.Create("subject.type", text, static (in DecisionRequest r, out string v) => Some(r.Subject.Type, out v), "Subject type, such as user.");
        yield return AttributeDefinition.Create("subject.id", text, static (in DecisionRequest r, out string v) => Some(r.Subject.Id, out v), "Subject id: the IdP's sub.");
        yield return AttributeDefinition.Create("subject.email", text, static (in DecisionRequest r, out string v) => Some(r.Subject.Email, out v), "Subject email; absent when unknown.");
        yield return AttributeDefinition.Create("subject.roles", list, static (in DecisionRequest r, out ImmutableArray<string> v) => All(r.Subject.Roles, out v), "Subject roles.");
        yield return AttributeDefinition.Create("subject.risk_level", RiskLevel, static (in DecisionRequest r, out string v) => Some(r.Subject.RiskLevel, out v), "Risk level, ranked low < medium < high; absent when unknown.");
        yield return AttributeDefinition.Create("subject.assurance_level", PolicyType.Int, static (in DecisionRequest r, out long v) => Some(r.Subject.AssuranceLevel, out v), "Authentication assurance level; absent when unknown.");
        yield return AttributeDefinition.Create("subject.device_compliant", PolicyType.Bool, static (in DecisionRequest r, out bool v) => Some(r.Subject.DeviceCompliant, out v), "Device compliance; absent when unknown.");
        yield return AttributeDefinition.Create("subject.attributes", map, static (in DecisionRequest r, out IReadOnlyDictionary<string, string> v) => All(r.Subject.Attributes, out v), "Open subject attributes.");
        yield return AttributeDefinition.Create("resource.type", text, static (in DecisionRequest r, out string v) => Some(r.Resource.Type, out v), "Resource type.");
        yield return AttributeDefinition.Create("resource.id", text, static (in DecisionRequest r, out string v) => Some(r.Resource.Id, out v), "Resource id; absent when the request names only a type.");
        yield return AttributeDefinition.Create("resource.properties", map, static (in DecisionRequest r, out IReadOnlyDictionary<string, string> v) => All(r.Resource.Properties, out v), "Trusted resource properties, such as ownerID: from a trusted PEP or the resource directory.");
        yield return AttributeDefinition.Create("resource.asserted", map, static (in DecisionRequest r, out IReadOnlyDictionary<string, string> v) => All(r.Resource.AssertedProperties, out v), "Resource properties the caller claims but the PDP cannot trust (an agent on the live channel).");
        yield return AttributeDefinition.Create("action.name", text, static (in DecisionRequest r, out string v) => Some(r.Action, out v), "Action name.");
        yield return AttributeDefinition.Create("context.agent.id", text, static (in DecisionRequest r, out string v) => Some(r.Agent?.Id, out v), "Acting agent id; absent when no agent acts.");
        yield return AttributeDefinition.Create("context.agent.kind", text, static (in DecisionRequest r, out string v) => Some(r.Agent?.Kind, out v), "Acting agent kind; absent when no agent acts.");
        yield return AttributeDefinition.Create("context.delegation.depth", PolicyType.Int, static (in DecisionRequest r, out long v) => Some((long?)r.Agent?.Depth, out v), "Delegation depth, 0 for the root session's agent; absent when no agent acts.");
        yield return AttributeDefinition.Create("context.chain", list, static (in DecisionRequest r, out ImmutableArray<string> v) => All(r.Agent is { } agent ? agent.Chain : [], out v), "Agent ids from the root session's agent to the acting one; empty when no agent acts.");
        yield return AttributeDefinition.Create("context.chain_kinds", list, static (in DecisionRequest r, out ImmutableArray<string> v) => All(r.Agent is { } agent ? agent.ChainKinds : [], out v), "Kinds of the agents from the root session's to the acting one; empty when no agent acts.");
        yield return AttributeDefinition.Create("context.chain_clients", list, static (in DecisionRequest r, out ImmutableArray<string> v) => All(r.Agent is { } agent ? agent.ChainClients : [], out v), "Registered clients of the sessions from the root to the acting one; empty when no agent acts.");
        yield return AttributeDefinition.Create("context.time_of_day", PolicyType.Int, static (in DecisionRequest r, out long v) => Some(MinuteOfDay(r.Time), out v), "Minutes since midnight UTC, 0 to 1439; absent without a request time.");
        yield return AttributeDefinition.Create("context.day_of_week", PolicyType.Int, static (in DecisionRequest r, out long v) => Some(DayOfWeek(r.Time), out v), "Day of week in UTC, 0 = Sunday to 6 = Saturday; absent without a request time.");
        yield return AttributeDefinition.Create("context.request", map, static (in DecisionRequest r, out IReadOnlyDictionary<string, string> v) => All(r.RequestContext, out v), "Other request context (AuthZEN context).");
    }

    private static bool Some<T>(T? value, out T result) where T : struct
    {
        result = value.GetValueOrDefault();
        return value.HasValue;
    }

    private static bool Some(string? value, out string result)
    {
        result = value!;
        return value is not null;
    }

    private static bool All(ImmutableArray<string> value, out ImmutableArray<string> result)
    {
        result = value.IsDefault ? [] : value;
        return true;
    }

    private static bool All(IReadOnlyDictionary<string, string>? value, out IReadOnlyDictionary<string, string> result)
    {
        result = value ?? PropertyBag.Empty;
        return true;
    }

    private static long? MinuteOfDay(DateTimeOffset? time) =>
        time is { } t ? t.UtcTicks / TimeSpan.TicksPerMinute % MinutesPerDay : null;

    private static long? DayOfWeek(DateTimeOffset? time) => time is { } t ? (long)t.UtcDateTime.DayOfWeek : null;
}
