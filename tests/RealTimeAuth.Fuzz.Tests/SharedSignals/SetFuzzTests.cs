using System.Reflection;
using CsCheck;
using RealTimeAuth.Fuzz.Tests.Running;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Validation;
using Xunit.Abstractions;

namespace RealTimeAuth.Fuzz.Tests.SharedSignals;

/// <summary>
/// SETs through the real <see cref="SetValidator"/>: random text, signed SETs mutated after signing, and claims or
/// headers mutated before signing (so the claim rules behind the signature are reached). Every input is accepted or
/// refused with an RFC 8935 error and a known reason, never an exception; nothing is accepted that the transmitter's
/// key did not sign, and a SET mutated after signing is accepted only when its signed part is unchanged.
/// </summary>
public sealed class SetFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const string JwsAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private static readonly HashSet<string> ErrorCodes = Constants(typeof(SetErrorCodes));
    private static readonly HashSet<string> Reasons = Constants(typeof(SetRejectionReasons));

    private readonly SetCorpus _corpus = new();

    [Fact]
    public void Validator_RandomAndMutatedSets_RefusedWithAnRfc8935ErrorOrSignedByTheKey()
    {
        var signedParts = _corpus.Compacts.Select(SignedPart).ToHashSet(StringComparer.Ordinal);
        FuzzTarget.Run("set", Inputs(), input =>
        {
            var result = _corpus.Validator.ValidateAsync(input.Compact, [_corpus.Stream], CancellationToken.None).GetAwaiter().GetResult();
            if (result.Rejection is { } rejection)
            {
                Assert.Null(result.Set);
                Assert.Contains(rejection.Error, ErrorCodes);
                Assert.Contains(rejection.Reason, Reasons);
                return;
            }

            Assert.NotNull(result.Set);
            Assert.True(_corpus.Signer.Signed(input.Compact), "accepted a SET the transmitter's key did not sign");
            Assert.True(input.Resigned || signedParts.Contains(SignedPart(input.Compact)), "accepted a SET whose signed part was changed");
        }, FuzzSettings.Iterations(quick: 4_000, full: 1_000_000), Print, output.WriteLine);
    }

    public void Dispose() => _corpus.Dispose();

    private Gen<SetInput> Inputs()
    {
        var count = _corpus.Compacts.Length;
        var index = Gen.Int[0, count - 1];
        var random = Gen.OneOf(Gen.String[0, 600], Gen.Char[JwsAlphabet].Array[0, 600].Select(static chars => new string(chars)))
            .Select(static text => new SetInput(text, false, null));
        var mutated = Gen.Select(index, index, Edit.Several, (i, other, edits) =>
            new SetInput(Mutator.Apply(_corpus.Compacts[i], _corpus.Compacts[other], edits), false, i));
        var claims = Gen.Select(index, index, Edit.Several, (i, other, edits) =>
            new SetInput(_corpus.Signer.Sign(SetSigner.Header, Mutator.Apply(_corpus.Claims[i], _corpus.Claims[other], edits)), true, i));
        var header = Gen.Select(index, Edit.Several, (i, edits) =>
            new SetInput(_corpus.Signer.Sign(Mutator.Apply(SetSigner.Header, SetSigner.Header, edits), _corpus.Claims[i]), true, i));
        return Weighted.Of((1, random), (4, mutated), (4, claims), (1, header));
    }

    private static string SignedPart(string compact) => compact.LastIndexOf('.') is var dot and > 0 ? compact[..dot] : compact;

    private static string Print(SetInput input) =>
        $"{(input.Resigned ? "re-signed" : "as sent")} from #{input.Original?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "random"}: {Escape.Text(input.Compact)}";

    private static HashSet<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!)];
}
