using System.Globalization;
using System.Text;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>A load run as a small table a person can read at the end of the run.</summary>
internal static class LoadSummaryFormatter
{
    private const int Width = 100;

    public static string Format(LoadReport report)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        Line(text, $"── Load run {report.RunId} against {report.Server} ".PadRight(Width, '─'));
        Line(text, string.Create(culture,
            $"   {report.AgentsConnected}/{report.AgentsRequested} agents across {report.Users} users ({report.ExchangeFailures} exchanges failed); "
            + $"{report.Allowed + report.Denied} decisions in {report.ActionPhaseSeconds:F1} s = {report.AchievedActionsPerSecond:F0}/s (target {report.TargetActionsPerSecond:F0}/s)"));
        var revocation = report.Revoked
            ? string.Create(culture, $"{report.AgentsStopped}/{report.AgentsConnected} agents stopped on the revocation")
            : "no revocation at the end";
        Line(text, string.Create(culture, $"   allowed {report.Allowed}, denied {report.Denied}, errors {report.AuthorizeErrors}; {revocation}"));
        Line(text, string.Create(culture, $"   {"latency (ms)",-18} {"count",8} {"p50",9} {"p90",9} {"p99",9} {"max",9}"));
        foreach (var latency in report.Latencies)
        {
            Line(text, string.Create(culture,
                $"   {latency.Metric,-18} {latency.Count,8} {latency.P50Ms,9:F2} {latency.P90Ms,9:F2} {latency.P99Ms,9:F2} {latency.MaxMs,9:F2}"));
        }

        if (report.CsvPath is not null)
        {
            Line(text, $"   CSV: {report.CsvPath}");
        }

        if (report.Note is not null)
        {
            Line(text, $"   Note: {report.Note}");
        }

        text.Append(new string('─', Width));
        return text.ToString();
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
