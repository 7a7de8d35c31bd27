namespace RealTimeAuth.LoadDriver.Soak;

/// <summary>The server's memory at one moment of the soak (see <see cref="Hosting.ServerSample"/>), and the decisions answered so far.</summary>
internal sealed record SoakSample(TimeSpan Elapsed, long WorkingSetBytes, long GcHeapBytes, long HeapAfterGen2Bytes, int Gen2Collections, long Decisions);
