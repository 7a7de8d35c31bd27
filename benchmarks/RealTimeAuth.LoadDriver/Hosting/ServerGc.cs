using System.Globalization;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>The server process's garbage collections so far: total pause time and collections per generation.</summary>
internal sealed record ServerGc(TimeSpan Paused, int Gen0, int Gen1, int Gen2)
{
    public static ServerGc Zero { get; } = new(TimeSpan.Zero, 0, 0, 0);

    /// <summary>Reads the current process; called inside the server process.</summary>
    public static ServerGc MeasureThisProcess() =>
        new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static ServerGc operator -(ServerGc after, ServerGc before) =>
        new(after.Paused - before.Paused, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);

    public static ServerGc operator +(ServerGc left, ServerGc right) =>
        new(left.Paused + right.Paused, left.Gen0 + right.Gen0, left.Gen1 + right.Gen1, left.Gen2 + right.Gen2);

    public static ServerGc Parse(string text)
    {
        var numbers = ReplyNumbers.Parse(text, 4, "GC");
        return new ServerGc(TimeSpan.FromTicks(numbers[0]), (int)numbers[1], (int)numbers[2], (int)numbers[3]);
    }

    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Paused.Ticks} {Gen0} {Gen1} {Gen2}");

    /// <summary>Pause time and collections, per window when <paramref name="windows"/> is more than one.</summary>
    public string Describe(int windows = 1) => string.Create(CultureInfo.InvariantCulture,
        $"{Paused.TotalMilliseconds / Math.Max(1, windows):0.0} ms paused, {Gen0} gen0 / {Gen1} gen1 / {Gen2} gen2 collections{(windows > 1 ? $" in {windows} windows" : string.Empty)}");
}
