using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.AgentSimulator.Scenarios.Triggers;
using RealTimeAuth.AgentSimulator.Tests.Fakes;

namespace RealTimeAuth.AgentSimulator.Tests.Agents;

public sealed class AgentTeamTests
{
    [Fact]
    public void SubtreeOf_DataWriter_IsTheWriterAndItsExporterButNoSibling()
    {
        var team = DemoTeam();

        var subtree = team.SubtreeOf(team.Members.Single(member => member.Kind == AgentProfiles.DataWriter));

        Assert.Equal(["data-writer-run1", "record-exporter-run1"], subtree.Select(member => member.AgentId));
    }

    [Fact]
    public async Task CompromisedAgent_Fire_RevokesTheTargetsSessionAndExpectsItsSubtreeToStop()
    {
        var team = DemoTeam();
        var writer = team.Members.Single(member => member.Kind == AgentProfiles.DataWriter);
        var exporter = team.Members.Single(member => member.Kind == AgentProfiles.RecordExporter);
        var admin = new FakeAdminApi(_ => [Guid.Parse(writer.Session.SessionId), Guid.Parse(exporter.Session.SessionId)]);
        var trigger = new CompromisedAgentTrigger(admin, Options.Create(new SimulatorOptions()));

        var outcome = await trigger.FireAsync(new ScenarioContext(team), CancellationToken.None);

        var (sessionId, reason) = Assert.Single(admin.Revocations);
        Assert.Equal(writer.Session.SessionId, sessionId);
        Assert.Contains("data-writer-run1", reason, StringComparison.Ordinal);
        Assert.Equal(["data-writer-run1", "record-exporter-run1"], outcome.ExpectedToStop);
        Assert.Equal([writer.Session.SessionId, exporter.Session.SessionId], outcome.RevokedSessionIds);
        Assert.Equal(42, outcome.EventSequence);
        Assert.False(outcome.CoPilotExpectedToStop);
    }

    [Fact]
    public void Demo_Profiles_NeverAskForMoreThanTheirParentHolds()
    {
        foreach (var profile in AgentProfiles.Demo.Flatten())
        {
            foreach (var child in profile.Delegates)
            {
                Assert.Subset(profile.Scopes.ToHashSet(), child.Scopes.ToHashSet());
            }
        }

        Assert.Equal(["compliance:read", "policies:read", "records:read", "records:write"], AgentProfiles.ScopesFor(AgentProfiles.Demo));
    }

    /// <summary>Co-pilot → policy reader, compliance checker, data writer → record exporter; parents first.</summary>
    private static AgentTeam DemoTeam()
    {
        var members = new List<TeamMember>();
        void Add(AgentProfile profile, string parent)
        {
            members.Add(new TeamMember(profile, FakeAgentSession.Allowing($"{profile.Kind}-run1"), parent));
            foreach (var child in profile.Delegates)
            {
                Add(child, $"{profile.Kind}-run1");
            }
        }

        foreach (var profile in AgentProfiles.Demo)
        {
            Add(profile, "copilot-run1");
        }

        return new AgentTeam("run1", "user@realtimeauth.dev", FakeAgentSession.Allowing("copilot-run1"), members);
    }
}
