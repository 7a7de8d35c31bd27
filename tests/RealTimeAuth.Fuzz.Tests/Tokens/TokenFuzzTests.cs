using CsCheck;
using RealTimeAuth.Fuzz.Tests.Running;
using RealTimeAuth.Protocol.Tokens;
using Xunit.Abstractions;

namespace RealTimeAuth.Fuzz.Tests.Tokens;

/// <summary>
/// RTATokens, random and mutated, in all three forms through <see cref="RtaTokenValidator"/> with and without the
/// verified-token cache: every input ends in a defined status, never an exception; the two validators agree; an input
/// is valid only when it is byte for byte a token the issuer signed; and the token it was mutated from stays valid.
/// </summary>
public sealed class TokenFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly string[] Schemes = ["RTA ", "DPoP ", "rta  ", "dpop\t", " RTA ", "Bearer ", "RTA", "RTA ,", string.Empty];

    private readonly TokenCorpus _corpus = new();

    [Fact]
    public void Validator_RandomAndMutatedTokens_EndInADefinedStatusAndOnlySignedBytesValidate()
    {
        var cached = _corpus.Create(cacheCapacity: 64);
        var uncached = _corpus.Create(cacheCapacity: 0);
        var signed = _corpus.Texts.ToHashSet(StringComparer.Ordinal);

        FuzzTarget.Run("rtatoken", Inputs(), input =>
        {
            var status = Validate(cached, input);
            Assert.True(Enum.IsDefined(status) && status != RtaTokenValidationStatus.None, $"undefined status {status}");
            Assert.Equal(status, Validate(uncached, input));
            if (status == RtaTokenValidationStatus.Valid)
            {
                Assert.Contains(TokenText(input), signed);
            }

            if (input.Original is { } original)
            {
                Assert.Equal(RtaTokenValidationStatus.Valid, cached.Validate(_corpus.Tokens[original]).Status);
            }
        }, FuzzSettings.Iterations(quick: 20_000, full: 10_000_000), Print, output.WriteLine);
    }

    public void Dispose() => _corpus.Dispose();

    private Gen<TokenInput> Inputs()
    {
        var index = Gen.Int[0, TokenCorpus.Size - 1];
        var randomBytes = Gen.Byte.Array[0, 300].Select(static bytes => new TokenInput(TokenForm.Binary, bytes, null, null));
        var randomText = Gen.OneOf(Gen.String[0, 400], Gen.Char[Alphabet].Array[171].Select(static chars => new string(chars)))
            .Select(static text => new TokenInput(TokenForm.Text, null, text, null));
        var mutatedBytes = Gen.Select(index, index, Edit.Several, (i, other, edits) =>
            new TokenInput(TokenForm.Binary, Mutator.Apply(_corpus.Tokens[i], _corpus.Tokens[other], edits), null, i));
        var mutatedText = Gen.Select(index, index, Edit.Several, (i, other, edits) =>
            new TokenInput(TokenForm.Text, null, Mutator.Apply(_corpus.Texts[i], _corpus.Texts[other], edits), i));
        var mutatedHeader = Gen.Select(index, Gen.Int[0, Schemes.Length - 1], Edit.Gen.Array[0, 3], (i, scheme, edits) =>
            new TokenInput(TokenForm.Header, null, Mutator.Apply(Schemes[scheme] + _corpus.Texts[i], Schemes[0], edits), i));
        return Weighted.Of((1, randomBytes), (1, randomText), (4, mutatedBytes), (3, mutatedText), (2, mutatedHeader));
    }

    private static RtaTokenValidationStatus Validate(RtaTokenValidator validator, TokenInput input) => input.Form switch
    {
        TokenForm.Binary => validator.Validate(input.Bytes).Status,
        TokenForm.Text => validator.ValidateText(input.Text).Status,
        _ => validator.ValidateAuthorizationHeader(input.Text).Status,
    };

    private static string TokenText(TokenInput input) => input.Form switch
    {
        TokenForm.Binary => input.Bytes!.Length == RtaTokenLayout.Length ? RtaTokenText.Encode(input.Bytes) : string.Empty,
        TokenForm.Text => input.Text!,
        _ => RtaAuthorizationHeader.TryGetToken(input.Text, out var token) ? token.ToString() : string.Empty,
    };

    private static string Print(TokenInput input) =>
        $"{input.Form} from #{input.Original?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "random"}: "
        + (input.Bytes is { } bytes ? Convert.ToHexString(bytes) : Escape.Text(input.Text!));
}
