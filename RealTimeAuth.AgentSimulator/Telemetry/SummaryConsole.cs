namespace RealTimeAuth.AgentSimulator.Telemetry;

/// <summary>Where the readable run summaries go: standard output, which the Aspire dashboard shows as the resource's console.</summary>
internal sealed class SummaryConsole(TextWriter writer)
{
    private readonly Lock _gate = new();

    public void Write(string summary)
    {
        lock (_gate)
        {
            writer.WriteLine();
            writer.WriteLine(summary);
            writer.Flush();
        }
    }
}
