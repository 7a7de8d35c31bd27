using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using RealTimeAuth.Benchmarks.Tokens;

// Usage: dotnet run -c Release --project benchmarks/RealTimeAuth.Benchmarks -- --filter '*Token*'
// Reports go under this project's bin folder, not the directory the command runs from.
TokenFixtures.PrintEncodedSizes(Console.Out);
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(TokenFixtures).Assembly).Run(args, config);
