using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace RealTimeAuth.Benchmarks.Policies;

/// <summary>A short job (one launch, 3 warm-up and 10 measured iterations) with median, min and operations per second.</summary>
internal sealed class PolicyBenchmarkConfig : ManualConfig
{
    public PolicyBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.OperationsPerSecond);
    }
}
