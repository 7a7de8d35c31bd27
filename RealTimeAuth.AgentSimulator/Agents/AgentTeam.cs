namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>A user's co-pilot and the agents below it, for one run. Disposing it closes every live stream, agents first.</summary>
internal sealed class AgentTeam(string runId, string userEmail, IAgentSession coPilot, IReadOnlyList<TeamMember> members) : IAsyncDisposable
{
    public string RunId => runId;

    public string UserEmail => userEmail;

    public IAgentSession CoPilot => coPilot;

    /// <summary>The agents, parents before their delegates.</summary>
    public IReadOnlyList<TeamMember> Members => members;

    /// <summary><paramref name="root"/> and every agent it delegated to, directly or further down.</summary>
    public IReadOnlyList<TeamMember> SubtreeOf(TeamMember root)
    {
        var inTree = new HashSet<string>(StringComparer.Ordinal) { root.AgentId };
        var subtree = new List<TeamMember> { root };

        // Members are ordered parents first, so one pass finds every descendant.
        foreach (var member in members)
        {
            if (member != root && inTree.Contains(member.ParentAgentId))
            {
                inTree.Add(member.AgentId);
                subtree.Add(member);
            }
        }

        return subtree;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            await members[i].Session.DisposeAsync().ConfigureAwait(false);
        }

        await coPilot.DisposeAsync().ConfigureAwait(false);
    }
}
