using System.Globalization;

namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Where the CSV goes: <c>--out</c>, or <c>results/COMMAND-TIMESTAMP.csv</c> under the driver's bin folder.</summary>
internal static class OutputPath
{
    public static string Resolve(string? requested, string command) => Path.GetFullPath(
        requested ?? Path.Combine(
            AppContext.BaseDirectory,
            "results",
            $"{command}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv"));
}
