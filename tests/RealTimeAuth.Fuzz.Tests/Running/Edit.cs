using CsCheck;

namespace RealTimeAuth.Fuzz.Tests.Running;

/// <summary>
/// One mutation of a valid input. Positions are taken modulo the input's length, so every edit applies to any input;
/// CsCheck shrinks the numbers, which shrinks a failure toward a single bit flip at the start.
/// </summary>
internal readonly record struct Edit(EditKind Kind, int Position, int Length, int Value)
{
    public static Gen<Edit> Gen { get; } = CsCheck.Gen.Select(
        CsCheck.Gen.Enum<EditKind>(), CsCheck.Gen.Int[0, int.MaxValue], CsCheck.Gen.Int[1, 24], CsCheck.Gen.Int[0, int.MaxValue],
        static (kind, position, length, value) => new Edit(kind, position, length, value));

    /// <summary>One to four stacked edits.</summary>
    public static Gen<Edit[]> Several { get; } = Gen.Array[1, 4];

    public override string ToString() => $"{Kind}@{Position}x{Length}:{Value}";
}
