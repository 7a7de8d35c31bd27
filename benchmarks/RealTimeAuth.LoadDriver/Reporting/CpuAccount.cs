using System.Globalization;

namespace RealTimeAuth.LoadDriver.Reporting;

/// <summary>
/// CPU time used so far by the server replica, this driver, every PostgreSQL process, and the whole machine
/// (from <c>/proc</c>, in clock ticks of 10 ms). The difference of two readings says where a window's cores went,
/// which on a small machine is what decides its latency tail.
/// </summary>
internal sealed record CpuAccount(TimeSpan Server, TimeSpan Driver, TimeSpan Postgres, TimeSpan Machine)
{
    // USER_HZ, which Linux reports /proc times in; 100 on every common architecture.
    private const double TicksPerSecond = 100;

    public static CpuAccount Zero { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public static CpuAccount Read(int serverProcessId) => new(
        ProcessTime(serverProcessId) ?? TimeSpan.Zero,
        ProcessTime(Environment.ProcessId) ?? TimeSpan.Zero,
        PostgresTime(),
        MachineBusyTime());

    public static CpuAccount operator -(CpuAccount after, CpuAccount before) => new(
        after.Server - before.Server, after.Driver - before.Driver, after.Postgres - before.Postgres, after.Machine - before.Machine);

    public static CpuAccount operator +(CpuAccount left, CpuAccount right) => new(
        left.Server + right.Server, left.Driver + right.Driver, left.Postgres + right.Postgres, left.Machine + right.Machine);

    /// <summary>Milliseconds of CPU per window for each part, and for the rest of the machine.</summary>
    public string Describe(int windows)
    {
        string Per(TimeSpan time) => (time.TotalMilliseconds / Math.Max(1, windows)).ToString("0.0", CultureInfo.InvariantCulture);
        return $"server {Per(Server)} ms, driver {Per(Driver)} ms, PostgreSQL {Per(Postgres)} ms, everything else {Per(Machine - Server - Driver - Postgres)} ms; the machine was busy {Per(Machine)} ms";
    }

    private static TimeSpan? ProcessTime(int processId)
    {
        var fields = StatFields($"/proc/{processId}/stat", out _);
        return fields is null ? null : Ticks(fields[11], fields[12]);
    }

    private static TimeSpan PostgresTime()
    {
        var total = TimeSpan.Zero;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            if (StatFields(Path.Combine(directory, "stat"), out var command) is { } fields && command == "postgres")
            {
                // With the time of exited children (cutime, cstime): a backend or autovacuum worker that ends inside
                // the window moves its time to the postmaster's, where it is still counted, not lost.
                total += Ticks(fields[11], fields[12]) + Ticks(fields[13], fields[14]);
            }
        }

        return total;
    }

    private static TimeSpan MachineBusyTime()
    {
        // cpu user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait (steal, time
        // the hypervisor gave to others, shows up as "everything else").
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }

    // The fields after "pid (comm)"; the command may hold spaces or parentheses, so split after the last ')'.
    private static string[]? StatFields(string path, out string command)
    {
        command = string.Empty;
        try
        {
            var stat = File.ReadAllText(path);
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                return null;
            }

            command = stat[(open + 1)..close];
            return stat[(close + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The process ended meanwhile.
            return null;
        }
    }

    // utime and stime are the 14th and 15th fields of the stat line: indexes 11 and 12 of the fields from "state" on.
    private static TimeSpan Ticks(string user, string system) =>
        TimeSpan.FromSeconds((long.Parse(user, CultureInfo.InvariantCulture) + long.Parse(system, CultureInfo.InvariantCulture)) / TicksPerSecond);
}
