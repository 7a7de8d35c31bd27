using System.Globalization;
using System.Text;
using RealTimeAuth.AgentSimulator.Agents;

namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>A scenario run as a few lines a person can follow in the console.</summary>
internal static class ScenarioSummaryFormatter
{
    private const int Width = 100;

    public static string Format(ScenarioReport report)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        Line(text, $"── Scenario {report.Scenario} · run {report.RunId} · {report.User} ".PadRight(Width, '─'));
        Line(text, $"   {report.Description}");
        Line(text, $"   Co-pilot {report.CoPilot.AgentId} ({string.Join(' ', report.CoPilot.Scopes)}): {(report.CoPilot.Revoked ? "REVOKED " + report.CoPilot.RevocationReason : "active")}");
        if (report.Trigger is { } trigger)
        {
            var at = report.TriggeredAt is { } triggeredAt ? (triggeredAt - report.StartedAt).TotalSeconds.ToString("F1", culture) : "?";
            Line(text, trigger.Error is null ? $"   Trigger at +{at} s: {trigger.Description}" : $"   Trigger at +{at} s FAILED: {trigger.Error}");
            foreach (var attack in trigger.Attacks)
            {
                Line(text, $"     {(attack.Passed ? "refused" : attack.Refused ? "WRONG" : "BREACH"),-7} {attack.Attempt}: {attack.Answer}");
            }
        }

        Line(text, string.Create(culture, $"   {"agent",-34} {"allowed",8} {"denied",7} {"after trigger",14}  outcome"));
        foreach (var agent in report.Agents)
        {
            var after = string.Create(culture, $"{agent.Decisions.AllowedAfterTrigger}✓ {agent.Decisions.DeniedAfterTrigger}✗");
            Line(text, string.Create(culture,
                $"   {agent.AgentId,-34} {agent.Decisions.Allowed,8} {agent.Decisions.Denied,7} {after,14}  {Outcome(agent, culture)}"));
        }

        Line(text, $"   Verdict: {report.Verdict.Summary}{(report.EndedEarly ? " (run ended early)" : "")}");
        foreach (var finding in report.Verdict.Findings)
        {
            Line(text, $"     {finding}");
        }

        text.Append(new string('─', Width));
        return text.ToString();
    }

    private static string Outcome(AgentReport agent, CultureInfo culture) => agent.Outcome switch
    {
        AgentOutcome.Stopped when agent.Revocation is { EventToStopMs: { } toStop, EventToReceiveMs: { } toReceive } revocation =>
            string.Create(culture, $"STOPPED {revocation.Reason}: event→received {toReceive:F1} ms, event→stopped {toStop:F1} ms"),
        AgentOutcome.Stopped => $"STOPPED {agent.Revocation?.Reason} (not pushed)",
        AgentOutcome.Failed => $"FAILED {agent.Failure}",
        _ => DenialsOf(agent),
    };

    private static string DenialsOf(AgentReport agent) =>
        agent.DenialReasons.Count == 0
            ? "continued"
            : $"continued (denied: {string.Join(", ", agent.ByAction.Where(pair => pair.Value.Denied > 0).Select(pair => pair.Key))})";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
