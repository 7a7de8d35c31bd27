namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// Questions a fault report asks of a run's events: when something first or last happened after a mark, how many
/// times within a window, and per-bin counts for the chart. Times are milliseconds from the run's origin.
/// </summary>
internal static class FaultWindow
{
    /// <summary>The first event at or after <paramref name="fromMs"/> that matches, or null.</summary>
    public static double? First(IEnumerable<FaultEvent> events, Func<string, bool> matches, double fromMs) =>
        events.Where(e => e.AtMs >= fromMs && matches(e.Series)).Select(e => (double?)e.AtMs).Min();

    /// <summary>The last matching event in [<paramref name="fromMs"/>, <paramref name="toMs"/>), or null.</summary>
    public static double? Last(IEnumerable<FaultEvent> events, Func<string, bool> matches, double fromMs, double toMs) =>
        events.Where(e => e.AtMs >= fromMs && e.AtMs < toMs && matches(e.Series)).Select(e => (double?)e.AtMs).Max();

    /// <summary>Matching events in [<paramref name="fromMs"/>, <paramref name="toMs"/>).</summary>
    public static int Count(IEnumerable<FaultEvent> events, Func<string, bool> matches, double fromMs, double toMs) =>
        events.Count(e => e.AtMs >= fromMs && e.AtMs < toMs && matches(e.Series));

    /// <summary>Matching events in [<paramref name="fromMs"/>, <paramref name="toMs"/>), by series, most frequent first.</summary>
    public static IReadOnlyList<(string Series, int Count)> CountBySeries(IEnumerable<FaultEvent> events, Func<string, bool> matches, double fromMs, double toMs) =>
        [.. events.Where(e => e.AtMs >= fromMs && e.AtMs < toMs && matches(e.Series))
            .GroupBy(e => e.Series, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Count()))
            .OrderByDescending(pair => pair.Item2)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)];

    /// <summary>
    /// Per series, how many events fell in each bin of <paramref name="binMs"/> from <paramref name="fromMs"/> to the last
    /// event; bin i covers [from + i·bin, from + (i+1)·bin). Events before <paramref name="fromMs"/> are left out. Every
    /// series has the same number of bins; the bins' starts are given relative to <paramref name="fromMs"/>.
    /// </summary>
    public static (double[] BinStartsMs, IReadOnlyDictionary<string, double[]> Counts) Bins(IReadOnlyCollection<FaultEvent> events, double binMs, double fromMs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binMs);
        var inRange = events.Where(e => e.AtMs >= fromMs).ToList();
        var end = inRange.Count == 0 ? fromMs : inRange.Max(e => e.AtMs);
        var bins = (int)Math.Floor((end - fromMs) / binMs) + 1;
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var e in inRange)
        {
            if (!counts.TryGetValue(e.Series, out var series))
            {
                counts[e.Series] = series = new double[bins];
            }

            series[(int)Math.Floor((e.AtMs - fromMs) / binMs)]++;
        }

        return ([.. Enumerable.Range(0, bins).Select(index => index * binMs)], counts);
    }

    /// <summary>Milliseconds from <paramref name="fromMs"/> to <paramref name="atMs"/>, or NaN when it never happened.</summary>
    public static double Since(double fromMs, double? atMs) => atMs is { } at ? at - fromMs : double.NaN;
}
