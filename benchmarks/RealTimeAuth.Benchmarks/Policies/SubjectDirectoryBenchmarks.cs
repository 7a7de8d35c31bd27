using BenchmarkDotNet.Attributes;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Subjects;

namespace RealTimeAuth.Benchmarks.Policies;

/// <summary>
/// The directory lookup every live decision makes to complete its user: a hit and a miss in a directory of 10,000
/// users (ADR 0016: entries may name their issuer, so an id maps to a short list).
/// </summary>
[Config(typeof(PolicyBenchmarkConfig))]
public class SubjectDirectoryBenchmarks
{
    private const int Users = 10_000;
    private readonly SubjectDirectory _directory = SubjectDirectory.Create(
        Enumerable.Range(0, Users).Select(i => new PolicySubject { Type = "user", Id = $"sub-{i}", Roles = ["viewer"] }));

    [Benchmark(Baseline = true)]
    public bool Hit() => _directory.TryGet("user", "sub-4242", out _);

    [Benchmark]
    public bool Miss() => _directory.TryGet("user", "sub-unknown", out _);

    [Benchmark]
    public bool HitAtIssuer() => _directory.TryGet("user", "sub-4242", "https://idp.example.com", out _);
}
