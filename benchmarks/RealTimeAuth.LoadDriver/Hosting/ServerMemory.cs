using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>The server process's memory right after two full, compacting, blocking collections.</summary>
/// <param name="GcHeapBytes">Bytes of live managed objects (<see cref="GC.GetTotalMemory"/>).</param>
/// <param name="GcCommittedBytes">Memory the GC has committed for its heaps.</param>
/// <param name="WorkingSetBytes">Resident memory of the whole process: managed heaps, native buffers, thread stacks, code.</param>
/// <param name="PrivateBytes">Private memory of the process.</param>
internal sealed record ServerMemory(long GcHeapBytes, long GcCommittedBytes, long WorkingSetBytes, long PrivateBytes)
{
    /// <summary>Measures the current process; called inside the server process.</summary>
    public static ServerMemory MeasureThisProcess()
    {
        for (var pass = 0; pass < 2; pass++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return new ServerMemory(
            GC.GetTotalMemory(forceFullCollection: false),
            GC.GetGCMemoryInfo().TotalCommittedBytes,
            process.WorkingSet64,
            process.PrivateMemorySize64);
    }

    public static ServerMemory Parse(string text)
    {
        var numbers = ReplyNumbers.Parse(text, 4, "memory");
        return new ServerMemory(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{GcHeapBytes} {GcCommittedBytes} {WorkingSetBytes} {PrivateBytes}");
}
