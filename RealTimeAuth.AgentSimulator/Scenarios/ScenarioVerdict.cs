using System.Globalization;
using RealTimeAuth.AgentSimulator.Agents;

namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>Judges a run's agents against what its trigger expects: who must stop (on a pushed revocation), who must go on, which actions must be denied.</summary>
internal static class ScenarioVerdict
{
    public static VerdictReport Judge(TriggerOutcome? outcome, string? triggerError, IReadOnlyList<AgentReport> agents, bool coPilotRevoked)
    {
        var findings = new List<string>();
        var failures = new List<string>();
        if (triggerError is not null || outcome is null)
        {
            failures.Add($"The trigger failed: {triggerError ?? "it did not fire"}");
        }

        foreach (var agent in agents)
        {
            var (ok, finding) = agent.ExpectedToStop ? JudgeStopped(agent) : JudgeContinued(agent);
            (ok ? findings : failures).Add(finding);
        }

        foreach (var action in outcome?.ExpectedDeniedActions ?? [])
        {
            JudgeDenied(action, agents, findings, failures);
        }

        foreach (var attack in outcome?.Attacks ?? [])
        {
            JudgeAttack(attack, findings, failures);
        }

        var coPilotExpectedToStop = outcome?.CoPilotExpectedToStop ?? false;
        if (coPilotRevoked != coPilotExpectedToStop)
        {
            failures.Add(coPilotRevoked ? "The co-pilot's session was revoked, which the scenario does not expect." : "The co-pilot's session was expected to be revoked but is still active.");
        }

        var passed = failures.Count == 0;
        var summary = passed
            ? $"PASSED: {Describe(agents)}"
            : $"FAILED: {failures[0]}{(failures.Count > 1 ? $" (and {failures.Count - 1} more)" : "")}";
        return new VerdictReport(passed, summary, [.. failures.Select(failure => "✗ " + failure), .. findings.Select(finding => "✓ " + finding)]);
    }

    private static (bool, string) JudgeStopped(AgentReport agent)
    {
        if (agent.Outcome != AgentOutcome.Stopped || agent.Revocation is not { } revocation)
        {
            return (false, $"{agent.AgentId} was expected to stop but {Describe(agent.Outcome)}.");
        }

        if (agent.LastPerformedAt > revocation.ReceivedAt)
        {
            return (false, $"{agent.AgentId} completed an action after its revocation had arrived.");
        }

        if (!revocation.Pushed)
        {
            // A call that reached the server between the commit and the push is refused; the agent learns it a little earlier.
            return (true, $"{agent.AgentId} stopped on {revocation.Reason} when its next call was refused, before the push arrived (no event time to measure from).");
        }

        return (true, string.Create(CultureInfo.InvariantCulture,
            $"{agent.AgentId} stopped on {revocation.Reason}: received {revocation.EventToReceiveMs:F1} ms and stopped {revocation.EventToStopMs:F1} ms after the event."));
    }

    private static (bool, string) JudgeContinued(AgentReport agent)
    {
        if (agent.Outcome != AgentOutcome.Continued)
        {
            var why = agent.Revocation?.Reason ?? agent.Failure ?? "unknown";
            return (false, $"{agent.AgentId} was expected to go on but {Describe(agent.Outcome)} ({why}).");
        }

        return agent.PerformedAfterTrigger == 0
            ? (false, $"{agent.AgentId} performed no action after the trigger.")
            : (true, $"{agent.AgentId} went on: {agent.PerformedAfterTrigger} actions performed after the trigger.");
    }

    private static void JudgeDenied(string action, IReadOnlyList<AgentReport> agents, List<string> findings, List<string> failures)
    {
        var tried = agents.Where(agent => agent.ByAction.TryGetValue(action, out var counts) && counts.AllowedAfterTrigger + counts.DeniedAfterTrigger > 0).ToList();
        if (tried.Count == 0)
        {
            failures.Add($"No agent tried to {action} after the trigger, so its denial is unproven.");
        }

        foreach (var agent in tried)
        {
            var counts = agent.ByAction[action];
            if (counts.AllowedAfterTrigger > 0)
            {
                failures.Add($"{agent.AgentId} was still allowed to {action} {counts.AllowedAfterTrigger} times after the trigger.");
            }
            else
            {
                findings.Add($"{agent.AgentId} was denied {action} {counts.DeniedAfterTrigger} times after the trigger.");
            }
        }
    }

    private static void JudgeAttack(Attacks.AttackAttempt attack, List<string> findings, List<string> failures)
    {
        if (attack.Passed)
        {
            findings.Add($"Refused: {attack.Attempt} ({attack.Answer}).");
        }
        else if (attack.Refused)
        {
            failures.Add($"{attack.Attempt}: refused, but for '{attack.Reason ?? "no reason"}' ({attack.Answer}), not {string.Join(" or ", attack.ExpectedReasons)}.");
        }
        else
        {
            failures.Add($"BREACH: {attack.Attempt}: {attack.Answer}.");
        }
    }

    private static string Describe(AgentOutcome outcome) => outcome switch
    {
        AgentOutcome.Continued => "it went on working",
        AgentOutcome.Stopped => "it stopped",
        _ => "it failed",
    };

    private static string Describe(IReadOnlyList<AgentReport> agents)
    {
        var stopped = agents.Count(agent => agent.Outcome == AgentOutcome.Stopped);
        return stopped == 0
            ? $"all {agents.Count} agents went on working."
            : $"{stopped} agent(s) stopped on the pushed revocation as expected; the other {agents.Count - stopped} went on working.";
    }
}
