using System.Globalization;

namespace RealTimeAuth.LoadDriver.Reporting;

/// <summary>Timestamped progress on standard error, so standard output holds only the result tables.</summary>
internal static class Progress
{
    public static void Write(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");
}
