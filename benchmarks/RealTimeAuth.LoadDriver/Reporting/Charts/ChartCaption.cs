namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>The footer of every chart: the driver's command line and the machine the run was made on.</summary>
internal static class ChartCaption
{
    /// <summary>The driver's arguments, set once by the command dispatcher.</summary>
    public static string CommandLine { get; set; } = "RealTimeAuth.LoadDriver";

    public static string Footer(string machine) => $"{CommandLine}\n{machine}";
}
