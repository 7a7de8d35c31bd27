using System.Runtime.CompilerServices;

namespace RealTimeAuth.Policies.Evaluation;

/// <summary>
/// The up to four buckets a request draws candidates from: (action, type), (action, *), (*, type), (*, *).
/// An inline array, so finding them allocates nothing.
/// </summary>
[InlineArray(Count)]
internal struct CandidateBuckets
{
    public const int Count = 4;

    private RuleBucket? _first;
}
