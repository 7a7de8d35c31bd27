using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// The effective security context of a session: the user's attributes, then the acting agent's.
/// A child starts from its parent's context, so it can never hold attributes its parent lacks.
/// </summary>
internal static class SessionContextBuilder
{
    public static SecurityContext ForRoot(SecurityContext user, AgentIdentity agent) =>
        WithAgent(user, agent, depth: 0);

    public static SecurityContext ForChild(SessionState parent, AgentIdentity agent) =>
        WithAgent(parent.Context, agent, parent.Depth + 1);

    private static SecurityContext WithAgent(SecurityContext context, AgentIdentity agent, int depth) =>
        context
            .With("agent.id", agent.Id)
            .With("agent.kind", agent.Kind)
            .With("delegation.depth", (long)depth);
}
