using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Admin;
using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// <c>compromised-agent</c>: a security admin revokes one agent (<c>Simulator:CompromisedAgentKind</c>, the data writer
/// by default) through the admin API. That agent and everything it delegated to must stop on the pushed revocation; the
/// co-pilot and the agent's siblings must go on.
/// </summary>
internal sealed class CompromisedAgentTrigger(IAdminApi admin, IOptions<SimulatorOptions> options) : IScenarioTrigger
{
    public string Name => ScenarioNames.CompromisedAgent;

    public string Description =>
        $"One agent ({options.Value.CompromisedAgentKind}) is compromised: an admin revokes its subtree; it and its delegates stop, its siblings go on.";

    public ScenarioAvailability Availability => ScenarioAvailability.Available;

    public Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken) => admin.PrepareAsync(cancellationToken);

    public async Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var target = context.Team.Members.FirstOrDefault(member => member.Kind == options.Value.CompromisedAgentKind)
            ?? throw new InvalidOperationException($"The team has no {options.Value.CompromisedAgentKind} to compromise.");
        var subtree = context.Team.SubtreeOf(target);
        var revocation = await admin.RevokeSessionAsync(
            target.Session.SessionId,
            $"Simulated compromise of {target.AgentId} (scenario {Name}, run {context.RunId})",
            cancellationToken).ConfigureAwait(false);
        return new TriggerOutcome(
            $"An admin revoked {target.AgentId} as compromised: {revocation.RevokedSessionIds.Count} sessions ended (event {revocation.EventSequence})")
        {
            ExpectedToStop = [.. subtree.Select(member => member.AgentId)],
            RevokedSessionIds = [.. revocation.RevokedSessionIds.Select(id => id.ToString("D"))],
            EventSequence = revocation.EventSequence,
        };
    }
}
