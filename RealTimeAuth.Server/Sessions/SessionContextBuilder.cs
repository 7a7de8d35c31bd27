using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// The effective security context of a session: the user's attributes, then the acting agent's. A child starts from
/// its parent's context, so it can never hold attributes its parent lacks, and extends the chain lists: the kinds and
/// clients of every agent from the root session to it, so a policy sees the whole chain, not just the last link.
/// </summary>
internal static class SessionContextBuilder
{
    public const string ChainKindsAttribute = "agent.chain_kinds";
    public const string ChainClientsAttribute = "agent.chain_clients";

    public static SecurityContext ForRoot(SecurityContext user, AgentIdentity agent, string clientId) =>
        WithAgent(user, agent, clientId, depth: 0, [], []);

    public static SecurityContext ForChild(SessionState parent, AgentIdentity agent, string clientId) =>
        WithAgent(parent.Context, agent, clientId, parent.Depth + 1, List(parent.Context, ChainKindsAttribute), List(parent.Context, ChainClientsAttribute));

    private static SecurityContext WithAgent(
        SecurityContext context, AgentIdentity agent, string clientId, int depth, IEnumerable<string> kinds, IEnumerable<string> clients) =>
        context
            .With("agent.id", agent.Id)
            .With("agent.kind", agent.Kind)
            .With(ChainKindsAttribute, SecurityAttributeValue.FromStringList([.. kinds, agent.Kind]))
            .With(ChainClientsAttribute, SecurityAttributeValue.FromStringList([.. clients, clientId]))
            .With("delegation.depth", (long)depth);

    private static IEnumerable<string> List(SecurityContext context, string name) =>
        context.Attributes.TryGetValue(name, out var value) && value.Kind == SecurityAttributeKind.StringList ? value.AsStringList() : [];
}
