namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// <c>risk-rises</c>: the dev IdP raises the user's risk level (CAEP <c>risk-level-change</c>) and a policy denies writes
/// at high risk: write actions flip to denied while reads go on and nobody is revoked.
/// Will: expect <see cref="TriggerOutcome.ExpectedDeniedActions"/> = <c>write records</c>, nobody stopping.
/// </summary>
internal sealed class RiskRisesTrigger : UnavailableTrigger
{
    public override string Name => ScenarioNames.RiskRises;

    public override string Description => "The user's risk rises: write actions are denied while reads continue.";

    public override ScenarioAvailability Availability { get; } = ScenarioAvailability.Until(
        "the dev IdP can raise a user's risk level as a CAEP event (issue 5, security events) and a policy can deny writes at high risk (issue 4, the policy decision point)");
}
