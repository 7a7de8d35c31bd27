using System.Globalization;
using System.Text;

namespace RealTimeAuth.LoadDriver.Reporting;

/// <summary>
/// Results in one long CSV shape for every command: <c>command,agents,concurrency,metric,statistic,value,unit</c>,
/// so runs can be appended and compared with any tool.
/// </summary>
internal sealed class CsvWriter
{
    public const string Header = "command,agents,concurrency,metric,statistic,value,unit";

    private readonly StringBuilder _text = new(Header + "\n");
    private readonly string _command;

    public CsvWriter(string command) => _command = command;

    public void Add(int? agents, int? concurrency, string metric, string statistic, double value, string unit) =>
        _text.Append(CultureInfo.InvariantCulture, $"{_command},{agents},{concurrency},{metric},{statistic},{value:0.###},{unit}\n");

    public void AddDistribution(int? agents, int? concurrency, string metric, Distribution distribution, string unit)
    {
        Add(agents, concurrency, metric, "count", distribution.Count, "samples");
        Add(agents, concurrency, metric, "p50", distribution.P50, unit);
        Add(agents, concurrency, metric, "p90", distribution.P90, unit);
        Add(agents, concurrency, metric, "p99", distribution.P99, unit);
        Add(agents, concurrency, metric, "max", distribution.Max, unit);
        Add(agents, concurrency, metric, "mean", distribution.Mean, unit);
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, _text.ToString(), cancellationToken);
    }
}
