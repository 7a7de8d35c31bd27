namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// <c>policy-tightened</c>: an admin publishes a policy version that removes a permission; the live sessions it touches are
/// re-evaluated and the affected decisions flip to denied (or the sessions are revoked) on their streams.
/// Will: publish a tightened version through the server's admin API and expect the removed action to be denied.
/// </summary>
internal sealed class PolicyTightenedTrigger : UnavailableTrigger
{
    public override string Name => ScenarioNames.PolicyTightened;

    public override string Description => "An admin tightens a policy: the permission it removes is denied to the working agents at once.";

    public override ScenarioAvailability Availability { get; } = ScenarioAvailability.Until(
        "policy versions can be published through the server's admin API and re-evaluate live sessions (issue 4, the policy decision point)");
}
