using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace RealTimeAuth.Benchmarks.Limits;

/// <summary>A short job (one launch, 3 warm-up and 10 measured iterations) with allocations, for a shared 2-core machine.</summary>
internal sealed class CallerLimitBenchmarkConfig : ManualConfig
{
    public CallerLimitBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        // Median and Min resist noise from other processes on a shared 2-core machine better than the mean.
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}
