using System.Diagnostics;
using System.Globalization;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>
/// The server process's memory as it is, without forcing a collection (a soak must not disturb the server it measures).
/// </summary>
/// <param name="WorkingSetBytes">Resident memory of the whole process.</param>
/// <param name="GcHeapBytes">Managed heap now, garbage included (<see cref="GC.GetTotalMemory"/> without collecting).</param>
/// <param name="HeapAfterGen2Bytes">Managed heap right after the latest full (gen2) collection the server made by itself; 0 before the first.</param>
/// <param name="Gen2Collections">Full collections so far, so a reader can tell a fresh after-gen2 figure from a repeated one.</param>
internal sealed record ServerSample(long WorkingSetBytes, long GcHeapBytes, long HeapAfterGen2Bytes, int Gen2Collections)
{
    /// <summary>Reads the current process; called inside the server process.</summary>
    public static ServerSample MeasureThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var latest = blocking.Index >= background.Index ? blocking : background;
        return new ServerSample(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), latest.HeapSizeBytes, GC.CollectionCount(2));
    }

    public static ServerSample Parse(string text)
    {
        var numbers = ReplyNumbers.Parse(text, 4, "sample");
        return new ServerSample(numbers[0], numbers[1], numbers[2], (int)numbers[3]);
    }

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{WorkingSetBytes} {GcHeapBytes} {HeapAfterGen2Bytes} {Gen2Collections}");
}
