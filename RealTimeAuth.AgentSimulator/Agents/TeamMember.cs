namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>An agent in a co-pilot's team: its profile, its session, and who delegated to it.</summary>
internal sealed record TeamMember(AgentProfile Profile, IAgentSession Session, string ParentAgentId)
{
    public string AgentId => Session.AgentId;

    public string Kind => Profile.Kind;
}
