using System.Text.Json.Nodes;
using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.AgentSimulator.Scenarios.Triggers;
using RealTimeAuth.AgentSimulator.Tests.Fakes;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Tests.Scenarios;

public sealed class PolicyTightenedTriggerTests
{
    private static readonly JsonObject Active = JsonNode.Parse("""
        { "schema": "rta.policy/v1", "name": "agents", "rules": [
          { "id": "records-rw", "effect": "allow", "actions": ["read", "write"], "resources": [{ "type": "records" }] } ] }
        """)!.AsObject();

    [Fact]
    public async Task PrepareThenFire_DraftDeniesWriterRecordWrites_PublishedOnFire_ExpectsWriteRecordsDenied()
    {
        var admin = new FakePolicyAdminApi(Active);
        var trigger = new PolicyTightenedTrigger(admin);
        await using var team = Team("run-7");

        await trigger.PrepareAsync(new ScenarioContext(team), CancellationToken.None);
        Assert.Empty(admin.Publications);
        var outcome = await trigger.FireAsync(new ScenarioContext(team), CancellationToken.None);

        var (version, document, comment) = Assert.Single(admin.Drafts);
        Assert.Equal([(version, "Scenario policy-tightened, run run-7: data writers may no longer write records")], admin.Publications);
        Assert.Contains("version 1", comment, StringComparison.Ordinal);
        var rules = document["rules"]!.AsArray();
        Assert.Equal(2, rules.Count);
        var added = rules[1]!;
        Assert.Equal("deny", added["effect"]!.GetValue<string>());
        Assert.Equal("write", added["actions"]![0]!.GetValue<string>());
        Assert.Equal("records", added["resources"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("*", added["resources"]![0]!["ids"]![0]!.GetValue<string>());
        Assert.Equal(AgentProfiles.DataWriter, added["agents"]!["kinds"]![0]!.GetValue<string>());
        Assert.Single(Active["rules"]!.AsArray());
        Assert.Equal(["write records"], outcome.ExpectedDeniedActions);
        Assert.Empty(outcome.ExpectedToStop);
        Assert.False(outcome.CoPilotExpectedToStop);
    }

    [Fact]
    public async Task Prepare_ServerHasNoActivePolicy_FailsBeforeTheRunStarts()
    {
        var trigger = new PolicyTightenedTrigger(new FakePolicyAdminApi(null));
        await using var team = Team("run-8");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => trigger.PrepareAsync(new ScenarioContext(team), CancellationToken.None));

        Assert.Contains("no active policy", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_WithoutPreparedDraft_Fails()
    {
        var trigger = new PolicyTightenedTrigger(new FakePolicyAdminApi(Active));
        await using var team = Team("run-9");

        await Assert.ThrowsAsync<InvalidOperationException>(() => trigger.FireAsync(new ScenarioContext(team), CancellationToken.None));
    }

    private static AgentTeam Team(string runId) =>
        new(runId, "user@example.test", new FakeAgentSession("copilot", (_, _) => Task.FromResult(new RtaAuthorizationResult(true, "allowed", null))), []);
}
