using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// <c>risk-rises</c>: the dev IdP raises the user's risk level to high (CAEP <c>risk-level-change</c>); the server updates
/// every session's context and pushes fresh tokens, and a policy that wants low risk for writes (<c>policies/agents.policy.json</c>)
/// denies writes while reads go on and nobody is revoked. Risk goes back to low <see cref="RestoreAfter"/> later.
/// </summary>
internal sealed class RiskRisesTrigger(DevIdpEvents events) : IScenarioTrigger
{
    public static readonly TimeSpan RestoreAfter = TimeSpan.FromSeconds(15);

    /// <summary>How long the change may take to travel IdP → server → every stream before the run fails.</summary>
    public static readonly TimeSpan EffectTimeout = TimeSpan.FromSeconds(10);

    public string Name => ScenarioNames.RiskRises;

    public string Description => "The user's risk rises: write actions are denied while reads continue.";

    public ScenarioAvailability Availability => ScenarioAvailability.Available;

    public async Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var user = context.Team.UserEmail;
        using var watch = new ContextChangeWatch(context.Team);
        var sets = await events.TriggerAsync(user, "risk", new { level = "high", reason = "simulated risk-rises scenario" }, cancellationToken).ConfigureAwait(false);
        events.UndoLater(user, "risk", new { level = "low" }, RestoreAfter);
        await watch.WaitAsync(EffectTimeout, cancellationToken).ConfigureAwait(false);
        return new TriggerOutcome($"The dev IdP raised {user}'s risk to high and transmitted risk-level-change on {sets} stream(s); every session got a {RtaRefreshReasons.ContextChanged} token")
        {
            ExpectedDeniedActions = ["write records"],
        };
    }
}
