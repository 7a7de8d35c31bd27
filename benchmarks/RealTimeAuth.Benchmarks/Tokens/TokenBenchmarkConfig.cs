using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace RealTimeAuth.Benchmarks.Tokens;

/// <summary>A short job (one launch, 3 warm-up and 10 measured iterations) so the token suite runs in a couple of minutes on 2 cores.</summary>
internal sealed class TokenBenchmarkConfig : ManualConfig
{
    public TokenBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        // Median and Min resist noise from other processes on a shared 2-core machine better than the mean.
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, new EncodedSizeColumn());
    }
}
