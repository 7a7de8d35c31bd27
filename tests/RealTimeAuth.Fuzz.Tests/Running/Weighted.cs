using CsCheck;

namespace RealTimeAuth.Fuzz.Tests.Running;

/// <summary>CsCheck's <c>Gen.Frequency</c> over generators, never the overload that would treat each generator as a constant.</summary>
internal static class Weighted
{
    public static Gen<T> Of<T>(params (int Weight, Gen<T> Gen)[] choices) =>
        Gen.Frequency([.. choices.Select(static choice => (choice.Weight, (IGen<T>)choice.Gen))]);
}
