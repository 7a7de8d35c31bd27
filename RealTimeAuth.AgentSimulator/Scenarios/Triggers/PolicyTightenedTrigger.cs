using System.Text.Json.Nodes;
using RealTimeAuth.AgentSimulator.Admin;
using RealTimeAuth.AgentSimulator.Agents;

namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// <c>policy-tightened</c>: an admin publishes a policy version that denies <c>write records</c> to the data writer. Before
/// the agents start, the trigger reads the active version through the admin API and stores the tightened copy as a draft
/// (a draft changes no decision); firing publishes it, so the server re-evaluates the live sessions: the writer keeps
/// reading on a pushed, narrowed token while its writes are denied; nobody stops.
/// </summary>
internal sealed class PolicyTightenedTrigger(IPolicyAdminApi admin) : IScenarioTrigger
{
    private const string WriteRecords = "write records";
    private readonly Lock _gate = new();
    private (string RunId, int Version)? _draft;

    public string Name => ScenarioNames.PolicyTightened;

    public string Description =>
        $"An admin tightens the policy: a new version denies '{WriteRecords}' to the {AgentProfiles.DataWriter}; its writes are denied at once while everyone goes on reading.";

    public ScenarioAvailability Availability => ScenarioAvailability.Available;

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        await admin.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var active = await admin.GetActivePolicyAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The server has no active policy version to tighten; configure Policies:File (policies/agents.policy.json) or publish one.");
        var version = await admin.CreateDraftAsync(
            Tighten(active.Document, context.RunId),
            $"Scenario {Name}, run {context.RunId}: version {active.Version} without '{WriteRecords}' for the {AgentProfiles.DataWriter}",
            cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _draft = (context.RunId, version);
        }
    }

    public async Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        int version;
        lock (_gate)
        {
            version = _draft is { } draft && draft.RunId == context.RunId
                ? draft.Version
                : throw new InvalidOperationException($"No tightened draft was prepared for run {context.RunId}.");
            _draft = null;
        }

        var published = await admin.PublishAsync(version, $"Scenario {Name}, run {context.RunId}: data writers may no longer write records", cancellationToken)
            .ConfigureAwait(false);
        return new TriggerOutcome(
            $"An admin published policy version {published.Version} denying '{WriteRecords}' to the {AgentProfiles.DataWriter}: "
            + $"{published.SessionsRefreshed} of {published.SessionsEvaluated} live sessions got a narrowed token, {published.SessionsRevoked} were revoked")
        {
            ExpectedDeniedActions = [WriteRecords],
        };
    }

    /// <summary>The document with one more rule: deny <c>write</c> on every record to agents of the data writer's kind.</summary>
    internal static JsonObject Tighten(JsonObject document, string runId)
    {
        var tightened = (JsonObject)document.DeepClone();
        var rules = tightened["rules"] as JsonArray ?? throw new InvalidOperationException("The active policy has no rules array.");
        rules.Add(new JsonObject
        {
            ["id"] = $"scenario-no-writer-record-writes-{runId}",
            ["description"] = $"Added by the simulator's {ScenarioNames.PolicyTightened} scenario.",
            ["effect"] = "deny",
            ["actions"] = new JsonArray("write"),
            ["resources"] = new JsonArray(new JsonObject { ["type"] = "records", ["ids"] = new JsonArray("*") }),
            ["agents"] = new JsonObject { ["kinds"] = new JsonArray(AgentProfiles.DataWriter) },
        });
        return tightened;
    }
}
