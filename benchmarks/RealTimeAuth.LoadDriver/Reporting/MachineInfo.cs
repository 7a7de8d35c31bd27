using System.Globalization;
using System.Runtime.InteropServices;

namespace RealTimeAuth.LoadDriver.Reporting;

/// <summary>What the numbers were measured on, and how busy it was (load average over 1, 5 and 15 minutes).</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Os, string Runtime, string LoadAverage)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        ReadFirst("/proc/cpuinfo", line => line.StartsWith("model name", StringComparison.Ordinal) ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : null)
            ?? RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadFirst("/proc/loadavg", line => string.Join(' ', line.Split(' ').Take(3))) ?? "unknown");

    public string Describe(MachineInfo end) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cpu}, {Cores} cores, {Os}, {Runtime}; load average {LoadAverage} at start, {end.LoadAverage} at end");

    private static string? ReadFirst(string path, Func<string, string?> select)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).Select(select).FirstOrDefault(value => value is not null) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
