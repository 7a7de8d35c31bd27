using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RealTimeAuth.Benchmarks.Tokens;

/// <summary>Adds the encoded length of the token each benchmark validates to the summary table.</summary>
internal sealed class EncodedSizeColumn : IColumn
{
    private readonly Lazy<IReadOnlyDictionary<string, int>> _sizes = new(static () =>
    {
        using var fixtures = new TokenFixtures();
        return new Dictionary<string, int>
        {
            [nameof(TokenValidationBenchmarks.RtaFullVerify)] = fixtures.RtaText.Length,
            [nameof(TokenValidationBenchmarks.RtaCacheHit)] = fixtures.RtaText.Length,
            [nameof(TokenValidationBenchmarks.RtaCacheHitBinary)] = fixtures.RtaToken.Length,
            [nameof(TokenValidationBenchmarks.JwtEs256)] = fixtures.Es256Jwt.Length,
            [nameof(TokenValidationBenchmarks.JwtRs256)] = fixtures.Rs256Jwt.Length,
        };
    });

    public string Id => nameof(EncodedSizeColumn);

    public string ColumnName => "Token size";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Encoded token length: characters for text forms, bytes for the binary cache-hit case";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        _sizes.Value.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var size)
            ? size.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
