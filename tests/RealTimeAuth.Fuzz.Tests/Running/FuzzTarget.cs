using System.Collections.Concurrent;
using System.Diagnostics;
using CsCheck;

namespace RealTimeAuth.Fuzz.Tests.Running;

/// <summary>
/// Runs a property over generated inputs with CsCheck (all cores, shrinking, seed printed on failure) and bounds
/// each input in time: one over <see cref="FuzzSettings.CaseLimit"/> is run again, and fails only if it is slow twice
/// (a loaded machine can pause any one call); one that never returns is reported by a watchdog with its input.
/// </summary>
internal static class FuzzTarget
{
    public static void Run<T>(
        string name, Gen<T> gen, Action<T> property, long iterations, Func<T, string> print, Action<string> log, TimeSpan? caseLimit = null)
    {
        var limit = caseLimit ?? FuzzSettings.CaseLimit;
        var running = new ConcurrentDictionary<int, Running<T>>();
        long count = 0;
        void Bounded(T input)
        {
            Interlocked.Increment(ref count);
            var slot = running.GetOrAdd(Environment.CurrentManagedThreadId, _ => new Running<T>());
            if (Timed(slot, input, property) > limit && Timed(slot, input, property) is var again && again > limit)
            {
                throw new TimeoutException($"{name}: one input took {again.TotalMilliseconds:0} ms, over the {limit.TotalMilliseconds:0} ms bound.");
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var sample = Task.Factory.StartNew(
            () =>
            {
                if (FuzzSettings.Budget is { } seconds)
                {
                    gen.Sample(Bounded, writeLine: log, seed: FuzzSettings.Seed, time: seconds, print: print);
                }
                else
                {
                    gen.Sample(Bounded, writeLine: log, seed: FuzzSettings.Seed, iter: iterations, print: print);
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (!sample.Wait(TimeSpan.FromMilliseconds(250)))
        {
            foreach (var slot in running.Values)
            {
                if (slot.RunningFor() is { } elapsed && elapsed > FuzzSettings.HangLimit)
                {
                    Assert.Fail($"{name}: an input has run for {elapsed.TotalSeconds:0} s (hang): {print(slot.Input!)}");
                }
            }
        }

        sample.GetAwaiter().GetResult();
        var ran = Interlocked.Read(ref count);
        log($"{name}: {ran:N0} inputs (count {iterations:N0}{(FuzzSettings.Budget is { } budget ? $", budget {budget} s" : string.Empty)}) in {stopwatch.Elapsed.TotalSeconds:0.0} s, seed {FuzzSettings.Seed ?? "random"}.");
    }

    private static TimeSpan Timed<T>(Running<T> slot, T input, Action<T> property)
    {
        slot.Start(input);
        try
        {
            property(input);
        }
        finally
        {
            slot.Stop();
        }

        return slot.Last;
    }

    private sealed class Running<T>
    {
        private long _started;

        public T? Input { get; private set; }

        public TimeSpan Last { get; private set; }

        public void Start(T input)
        {
            Input = input;
            Volatile.Write(ref _started, Stopwatch.GetTimestamp());
        }

        public void Stop()
        {
            Last = Stopwatch.GetElapsedTime(Volatile.Read(ref _started));
            Volatile.Write(ref _started, 0);
        }

        public TimeSpan? RunningFor() => Volatile.Read(ref _started) is var started and not 0 ? Stopwatch.GetElapsedTime(started) : null;
    }
}
