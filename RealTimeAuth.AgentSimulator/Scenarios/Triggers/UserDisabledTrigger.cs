namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// <c>user-disabled</c>: the dev IdP disables the portal user and transmits a RISC <c>account-disabled</c> (or CAEP
/// <c>session-revoked</c>) event; the co-pilot and every agent of the user must stop, and new exchanges fail.
/// Will: call the dev IdP's event trigger API for the portal user; expect every team member and the co-pilot to stop.
/// </summary>
internal sealed class UserDisabledTrigger : UnavailableTrigger
{
    public override string Name => ScenarioNames.UserDisabled;

    public override string Description => "The user is disabled at the IdP mid-task: the co-pilot and every agent of the user stop.";

    public override ScenarioAvailability Availability { get; } = ScenarioAvailability.Until(
        "the dev IdP transmits Shared Signals events and the server acts on them (issue 5, security events: the dev IdP's event trigger API and the SSF receiver)");
}
