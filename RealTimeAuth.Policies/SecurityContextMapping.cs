using System.Collections.Frozen;
using System.Collections.Immutable;
using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Policies;

/// <summary>
/// Builds the subject and agent of a <see cref="DecisionRequest"/> from a session's <see cref="SecurityContext"/>.
/// Both results are immutable, so a caller can keep them with the session (keyed by its ContextHash) and
/// build each request from them without allocating. Attributes of the wrong kind are ignored.
/// </summary>
public static class SecurityContextMapping
{
    public const string SubjectAttribute = "user.sub";
    public const string EmailAttribute = "user.email";
    public const string RolesAttribute = "user.roles";
    public const string RiskLevelAttribute = "user.risk_level";
    public const string AssuranceLevelAttribute = "user.assurance_level";
    public const string DeviceCompliantAttribute = "user.device_compliant";
    public const string AgentIdAttribute = "agent.id";
    public const string AgentKindAttribute = "agent.kind";
    public const string DelegationDepthAttribute = "delegation.depth";
    public const string ChainKindsAttribute = "agent.chain_kinds";
    public const string ChainClientsAttribute = "agent.chain_clients";

    private const string UserPrefix = "user.";
    private const string NistAalPrefix = "nist-aal";

    private static readonly FrozenSet<string> Mapped = FrozenSet.Create(StringComparer.Ordinal,
        SubjectAttribute, EmailAttribute, RolesAttribute, RiskLevelAttribute, AssuranceLevelAttribute, DeviceCompliantAttribute);

    /// <summary>
    /// The user as a subject: <c>user.sub</c> is the id, <c>user.email</c>, <c>user.roles</c>, <c>user.risk_level</c>,
    /// <c>user.assurance_level</c> and <c>user.device_compliant</c> fill their fields, and every other
    /// <c>user.*</c> string (<c>user.iss</c>, <c>user.name</c>) lands in <see cref="PolicySubject.Attributes"/> without the prefix.
    /// </summary>
    /// <exception cref="ArgumentException">The context has no <c>user.sub</c> string.</exception>
    public static PolicySubject ToSubject(SecurityContext context, string type = "user")
    {
        ArgumentNullException.ThrowIfNull(context);
        var attributes = context.Attributes;
        var id = Text(attributes, SubjectAttribute)
            ?? throw new ArgumentException($"The context has no '{SubjectAttribute}' string.", nameof(context));
        var extra = attributes
            .Where(pair => pair.Key.StartsWith(UserPrefix, StringComparison.Ordinal) && !Mapped.Contains(pair.Key) && pair.Value.Kind == SecurityAttributeKind.String)
            .ToFrozenDictionary(pair => pair.Key[UserPrefix.Length..], pair => pair.Value.AsString(), StringComparer.Ordinal);
        return new PolicySubject
        {
            Type = type,
            Id = id,
            Email = Text(attributes, EmailAttribute),
            Roles = Get(attributes, RolesAttribute, SecurityAttributeKind.StringList) is { } roles ? roles.AsStringList() : [],
            Attributes = extra,
            RiskLevel = Text(attributes, RiskLevelAttribute),
            AssuranceLevel = AssuranceLevel(attributes),
            DeviceCompliant = Get(attributes, DeviceCompliantAttribute, SecurityAttributeKind.Boolean)?.AsBoolean(),
        };
    }

    /// <summary>
    /// The acting agent from <c>agent.id</c>, <c>agent.kind</c>, <c>delegation.depth</c>, <c>agent.chain_kinds</c> and
    /// <c>agent.chain_clients</c>, or null without an agent id. A context without the chain kinds (a session made before
    /// the server recorded them) gets its own kind only.
    /// </summary>
    /// <param name="context">The session's context.</param>
    /// <param name="chain">
    /// Agent ids from the root session's agent to this one, from the session tree. When not given, a root
    /// agent (depth 0) gets a chain of itself and a deeper one an empty chain.
    /// </param>
    public static PolicyAgent? ToAgent(SecurityContext context, ImmutableArray<string> chain = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var attributes = context.Attributes;
        if (Text(attributes, AgentIdAttribute) is not { } id)
        {
            return null;
        }

        var depth = (int)Math.Clamp(Get(attributes, DelegationDepthAttribute, SecurityAttributeKind.Int64)?.AsInt64() ?? 0, 0, int.MaxValue);
        var kind = Text(attributes, AgentKindAttribute) ?? string.Empty;
        return new PolicyAgent
        {
            Id = id,
            Kind = kind,
            Depth = depth,
            Chain = !chain.IsDefault ? chain : depth == 0 ? [id] : [],
            ChainKinds = Get(attributes, ChainKindsAttribute, SecurityAttributeKind.StringList)?.AsStringList() ?? [],
            ChainClients = Get(attributes, ChainClientsAttribute, SecurityAttributeKind.StringList)?.AsStringList() ?? [],
        };
    }

    /// <summary>
    /// <c>user.assurance_level</c> as a number: an Int64 as is, or a CAEP NIST level string (<c>nist-aal2</c>, as
    /// the assurance-level-change effect stores it) as its digit. Another namespace's level is not a NIST number: null.
    /// </summary>
    private static long? AssuranceLevel(IReadOnlyDictionary<string, SecurityAttributeValue> attributes)
    {
        if (Get(attributes, AssuranceLevelAttribute, SecurityAttributeKind.Int64) is { } number)
        {
            return number.AsInt64();
        }

        return Text(attributes, AssuranceLevelAttribute) is { } text
            && text.StartsWith(NistAalPrefix, StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text.AsSpan(NistAalPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level)
            ? level
            : null;
    }

    private static SecurityAttributeValue? Get(IReadOnlyDictionary<string, SecurityAttributeValue> attributes, string name, SecurityAttributeKind kind) =>
        attributes.TryGetValue(name, out var value) && value.Kind == kind ? value : (SecurityAttributeValue?)null;

    private static string? Text(IReadOnlyDictionary<string, SecurityAttributeValue> attributes, string name) =>
        Get(attributes, name, SecurityAttributeKind.String)?.AsString();
}
