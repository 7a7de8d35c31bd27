namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// <c>user-disabled</c>: the dev IdP disables the portal user and transmits a RISC <c>account-disabled</c> event; the
/// server revokes every session of the user, so the co-pilot and every agent must stop, and new exchanges fail. The
/// user is enabled again <see cref="RestoreAfter"/> later, so the next run can sign in.
/// </summary>
internal sealed class UserDisabledTrigger(DevIdpEvents events) : IScenarioTrigger
{
    public static readonly TimeSpan RestoreAfter = TimeSpan.FromSeconds(15);

    public string Name => ScenarioNames.UserDisabled;

    public string Description => "The user is disabled at the IdP mid-task: the co-pilot and every agent of the user stop.";

    public ScenarioAvailability Availability => ScenarioAvailability.Available;

    public async Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var user = context.Team.UserEmail;
        var sets = await events.TriggerAsync(user, "disable", new { reason = "hijacking" }, cancellationToken).ConfigureAwait(false);
        events.UndoLater(user, "enable", null, RestoreAfter);
        return new TriggerOutcome($"The dev IdP disabled {user} and transmitted account-disabled on {sets} stream(s)")
        {
            ExpectedToStop = [.. context.Team.Members.Select(member => member.AgentId)],
            CoPilotExpectedToStop = true,
        };
    }
}
