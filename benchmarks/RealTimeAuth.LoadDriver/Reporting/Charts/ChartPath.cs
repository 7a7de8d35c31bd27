namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>Charts sit beside the CSV they draw, with its base name: <c>run.csv</c> → <c>run.png</c>, <c>run-vs-agents.png</c>.</summary>
internal static class ChartPath
{
    public static string Distribution(string csv) => Path.ChangeExtension(csv, ".png");

    public static string VsAgents(string csv) => Path.ChangeExtension(csv, null) + "-vs-agents.png";

    public static string Timeline(string csv) => Path.ChangeExtension(csv, null) + "-timeline.png";
}
