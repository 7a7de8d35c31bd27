using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.AgentSimulator.Scenarios.Attacks;
using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.AgentSimulator.Tests.Scenarios;

public sealed class ScenarioVerdictTests
{
    private static readonly TriggerOutcome Compromised = new("revoked data-writer") { ExpectedToStop = ["data-writer-1", "record-exporter-1"] };

    [Fact]
    public void Judge_SubtreeStoppedOnPushAndSiblingsWentOn_Passes()
    {
        var verdict = ScenarioVerdict.Judge(Compromised, null, [Stopped("data-writer-1"), Stopped("record-exporter-1"), Continued("policy-reader-1")], coPilotRevoked: false);

        Assert.True(verdict.Passed, string.Join('\n', verdict.Findings));
        Assert.StartsWith("PASSED: 2 agent(s) stopped", verdict.Summary, StringComparison.Ordinal);
        Assert.Equal(3, verdict.Findings.Count);
    }

    [Fact]
    public void Judge_TargetWentOn_FailsNamingIt()
    {
        var verdict = ScenarioVerdict.Judge(Compromised, null, [Continued("data-writer-1", expectedToStop: true), Stopped("record-exporter-1")], coPilotRevoked: false);

        Assert.False(verdict.Passed);
        Assert.Equal("FAILED: data-writer-1 was expected to stop but it went on working.", verdict.Summary);
    }

    [Fact]
    public void Judge_SiblingStopped_Fails()
    {
        var sibling = Stopped("policy-reader-1") with { ExpectedToStop = false };

        var verdict = ScenarioVerdict.Judge(Compromised, null, [Stopped("data-writer-1"), sibling], coPilotRevoked: false);

        Assert.False(verdict.Passed);
        Assert.Contains("✗ policy-reader-1 was expected to go on but it stopped (admin-revoked).", verdict.Findings);
    }

    [Fact]
    public void Judge_StoppedWhenACallWasRefusedBeforeThePush_PassesAndSaysSo()
    {
        var refused = Stopped("data-writer-1") with
        {
            Revocation = Stopped("data-writer-1").Revocation! with { Pushed = false, EventTime = null, EventToReceiveMs = null, EventToStopMs = null },
        };

        var verdict = ScenarioVerdict.Judge(Compromised with { ExpectedToStop = ["data-writer-1"] }, null, [refused], coPilotRevoked: false);

        Assert.True(verdict.Passed);
        Assert.Contains("✓ data-writer-1 stopped on admin-revoked when its next call was refused, before the push arrived (no event time to measure from).", verdict.Findings);
    }

    [Fact]
    public void Judge_ExpectedToStopButFailed_Fails()
    {
        var failed = Continued("data-writer-1", expectedToStop: true) with { Outcome = AgentOutcome.Failed, Failure = "boom" };

        var verdict = ScenarioVerdict.Judge(Compromised with { ExpectedToStop = ["data-writer-1"] }, null, [failed], coPilotRevoked: false);

        Assert.Equal("FAILED: data-writer-1 was expected to stop but it failed.", verdict.Summary);
    }

    [Fact]
    public void Judge_ActionCompletedAfterTheRevocationArrived_Fails()
    {
        var stopped = Stopped("data-writer-1");
        var late = stopped with { LastPerformedAt = stopped.Revocation!.ReceivedAt!.Value.AddMilliseconds(1) };

        var verdict = ScenarioVerdict.Judge(Compromised with { ExpectedToStop = ["data-writer-1"] }, null, [late], coPilotRevoked: false);

        Assert.Equal("FAILED: data-writer-1 completed an action after its revocation had arrived.", verdict.Summary);
    }

    [Fact]
    public void Judge_SiblingIdleAfterTheTrigger_Fails()
    {
        var idle = Continued("policy-reader-1") with { PerformedAfterTrigger = 0 };

        var verdict = ScenarioVerdict.Judge(new TriggerOutcome("nothing"), null, [idle], coPilotRevoked: false);

        Assert.Equal("FAILED: policy-reader-1 performed no action after the trigger.", verdict.Summary);
    }

    [Fact]
    public void Judge_ExpectedDeniedActionStillAllowed_Fails()
    {
        var writer = Continued("data-writer-1") with
        {
            ByAction = new Dictionary<string, DecisionCounts> { ["write records"] = new(3, 0, 1, 2) },
        };

        var verdict = ScenarioVerdict.Judge(new TriggerOutcome("risk rises") { ExpectedDeniedActions = ["write records"] }, null, [writer], coPilotRevoked: false);

        Assert.Equal("FAILED: data-writer-1 was still allowed to write records 1 times after the trigger.", verdict.Summary);
    }

    [Fact]
    public void Judge_TriggerFailed_FailsWithItsError()
    {
        var verdict = ScenarioVerdict.Judge(null, "The admin API answered 401.", [Continued("policy-reader-1")], coPilotRevoked: false);

        Assert.Equal("FAILED: The trigger failed: The admin API answered 401.", verdict.Summary);
    }

    [Fact]
    public void Judge_EveryAttackRefusedForItsReason_Passes()
    {
        var outcome = new TriggerOutcome("stolen token")
        {
            Attacks = [new AttackAttempt("open a gRPC stream with the token alone", ["proof-missing"], true, "gRPC Unauthenticated: proof-missing", "proof-missing")],
        };

        var verdict = ScenarioVerdict.Judge(outcome, null, [Continued("policy-reader-1")], coPilotRevoked: false);

        Assert.True(verdict.Passed, string.Join('\n', verdict.Findings));
        Assert.Contains("✓ Refused: open a gRPC stream with the token alone (gRPC Unauthenticated: proof-missing).", verdict.Findings);
    }

    [Fact]
    public void Judge_AttackAccepted_FailsAsABreach()
    {
        var outcome = new TriggerOutcome("stolen token")
        {
            Attacks = [new AttackAttempt("authorize over HTTP with the token alone", ["proof-missing"], false, "HTTP 200: accepted", null)],
        };

        var verdict = ScenarioVerdict.Judge(outcome, null, [Continued("policy-reader-1")], coPilotRevoked: false);

        Assert.False(verdict.Passed);
        Assert.Equal("FAILED: BREACH: authorize over HTTP with the token alone: HTTP 200: accepted.", verdict.Summary);
    }

    [Fact]
    public void Judge_AttackRefusedForAnotherReason_Fails()
    {
        var outcome = new TriggerOutcome("stolen token")
        {
            Attacks = [new AttackAttempt("open a gRPC stream with the token alone", ["proof-missing"], true, "gRPC Unavailable: replica-not-current", "replica-not-current")],
        };

        var verdict = ScenarioVerdict.Judge(outcome, null, [Continued("policy-reader-1")], coPilotRevoked: false);

        Assert.False(verdict.Passed);
        Assert.Contains("not proof-missing", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_CoPilotRevokedUnexpectedly_Fails()
    {
        var verdict = ScenarioVerdict.Judge(new TriggerOutcome("nothing"), null, [Continued("policy-reader-1")], coPilotRevoked: true);

        Assert.False(verdict.Passed);
    }

    [Fact]
    public void SummaryFormatter_Report_NamesEveryAgentAndTheVerdict()
    {
        var agents = new[] { Stopped("data-writer-1"), Continued("policy-reader-1") };
        var report = new ScenarioReport
        {
            Scenario = "compromised-agent",
            Description = "One agent is compromised.",
            RunId = "run1",
            User = "user@realtimeauth.dev",
            StartedAt = DateTimeOffset.UnixEpoch,
            TriggeredAt = DateTimeOffset.UnixEpoch.AddSeconds(3),
            EndedAt = DateTimeOffset.UnixEpoch.AddSeconds(8),
            CoPilot = new CoPilotReport("copilot-run1", Guid.Empty.ToString(), ["records:read"], false, null),
            Agents = agents,
            Verdict = ScenarioVerdict.Judge(Compromised with { ExpectedToStop = ["data-writer-1"] }, null, agents, coPilotRevoked: false),
        };

        var text = ScenarioSummaryFormatter.Format(report);

        Assert.Contains("STOPPED admin-revoked: event→received 2.0 ms, event→stopped 3.5 ms", text, StringComparison.Ordinal);
        Assert.Contains("policy-reader-1", text, StringComparison.Ordinal);
        Assert.Contains("Verdict: PASSED", text, StringComparison.Ordinal);
    }

    private static AgentReport Stopped(string agentId) => Agent(agentId, expectedToStop: true) with
    {
        Outcome = AgentOutcome.Stopped,
        PerformedAfterTrigger = 0,
        Revocation = new RevocationReport(RtaRevocationReasons.AdminRevoked, null, 42, Pushed: true, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMilliseconds(2),
            DateTimeOffset.UnixEpoch.AddMilliseconds(3.5), 2, 3.5),
    };

    private static AgentReport Continued(string agentId, bool expectedToStop = false) => Agent(agentId, expectedToStop) with { Outcome = AgentOutcome.Continued };

    private static AgentReport Agent(string agentId, bool expectedToStop) => new()
    {
        AgentId = agentId,
        Kind = agentId[..agentId.LastIndexOf('-')],
        SessionId = Guid.NewGuid().ToString(),
        Scopes = ["records:read"],
        ExpectedToStop = expectedToStop,
        Decisions = new DecisionCounts(4, 0, 4, 0),
        PerformedAfterTrigger = 4,
        ByAction = new Dictionary<string, DecisionCounts>(),
        DenialReasons = new Dictionary<string, int>(),
    };
}
