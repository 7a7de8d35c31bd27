using CsCheck;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Protocol.Tests.Binding;

/// <summary>
/// Random proofs round-trip; random changes to a valid proof never throw and never validate. The validator's only
/// exceptions are for malformed expectations, so an exception here is a parsing bug.
/// </summary>
public sealed class DpopProofPropertyTests
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    // Characters a mutation draws from: the proof's own alphabet (most mutations then still parse), its
    // punctuation, padding, whitespace and characters outside ASCII.
    private static readonly Gen<char> MutationChar = Gen.OneOf(
        Gen.Char[Base64UrlAlphabet],
        Gen.Char[".=+/ \t\r\n\0\"{}\\"],
        Gen.Char);

    private static readonly Gen<string> Segment = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-._~%"].Array[1, 12].Select(static chars => new string(chars));

    [Fact]
    public void WriteThenValidate_RandomRequestAthAndNonce_IsValidWithWritersThumbprint() =>
        Gen.Select(
                Gen.OneOf(Gen.Const("GET"), Gen.Const("POST"), Gen.Const("DELETE"), Gen.Const("M-SEARCH")),
                Gen.OneOf(Gen.Const("http"), Gen.Const("https")),
                Gen.Int[1, 65535],
                Segment.Array[0, 5],
                Gen.String[0, 40].Where(static s => !s.Contains('#', StringComparison.Ordinal)),
                Gen.Bool,
                Gen.String[1, 80].Where(IsWellFormedUtf16).Null())
            .Sample(static (method, scheme, port, segments, query, withAth, nonce) =>
            {
                using var harness = new DpopTestHarness();
                var uri = $"{scheme}://rta.example:{port}/{string.Join('/', segments)}";
                var ath = withAth ? DpopAccessTokenHash.Compute("token-" + port) : null;

                var proof = harness.Writer.Write(method, $"{uri}?{query}", ath, nonce);
                var result = DpopProofValidator.Validate(proof, harness.Expect(method, uri) with
                {
                    AccessTokenHash = ath,
                    Nonce = nonce,
                    JwkThumbprint = harness.Writer.JwkThumbprint,
                });

                Assert.True(result.IsValid, result.RejectionReason);
                Assert.Equal(JwkThumbprint.Compute(harness.KeyA.PublicKey), result.JwkThumbprint);
            }, iter: 200);

    [Fact]
    public void Validate_OneCharacterReplaced_NeverThrowsNorValidates()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();

        Gen.Select(Gen.Int[0, proof.Length - 1], MutationChar).Sample((index, replacement) =>
        {
            var mutated = string.Concat(proof.AsSpan(0, index), [replacement], proof.AsSpan(index + 1));
            AssertNotValidUnlessUnchanged(harness, proof, mutated);
        }, iter: 5_000);
    }

    [Fact]
    public void Validate_EverySingleBitOfEveryCharacterFlipped_NeverValidates()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();

        for (var index = 0; index < proof.Length; index++)
        {
            for (var bit = 0; bit < 7; bit++)
            {
                var chars = proof.ToCharArray();
                chars[index] ^= (char)(1 << bit);
                AssertNotValidUnlessUnchanged(harness, proof, new string(chars));
            }
        }
    }

    [Fact]
    public void Validate_TruncatedOrExtended_NeverThrowsNorValidates()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();

        Gen.Select(Gen.Int[0, proof.Length], Gen.Int[0, proof.Length], MutationChar.Array[0, 8]).Sample((start, end, suffix) =>
        {
            var slice = proof[Math.Min(start, end)..Math.Max(start, end)];
            AssertNotValidUnlessUnchanged(harness, proof, slice);
            AssertNotValidUnlessUnchanged(harness, proof, slice + new string(suffix));
            AssertNotValidUnlessUnchanged(harness, proof, new string(suffix) + slice);
        }, iter: 2_000);
    }

    [Fact]
    public void Validate_PartsReorderedOrRepeated_NeverValidates()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();
        var parts = proof.Split('.');

        Gen.Int[0, 2].Array[1, 5].Sample(order =>
        {
            AssertNotValidUnlessUnchanged(harness, proof, string.Join('.', order.Select(i => parts[i])));
        }, iter: 1_000);
    }

    [Fact]
    public void Validate_PartsFromAnotherKeysValidProof_NeverValidate()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();
        var other = new DpopProofWriter(harness.KeyB, harness.Time).Write(DpopTestHarness.Method, DpopTestHarness.Uri).Split('.');
        Assert.True(harness.Validate(string.Join('.', other)).IsValid);

        Gen.Int[1, 6].Sample(mask =>
        {
            var parts = proof.Split('.');
            for (var i = 0; i < 3; i++)
            {
                parts[i] = (mask & (1 << i)) != 0 ? other[i] : parts[i];
            }

            AssertNotValidUnlessUnchanged(harness, proof, string.Join('.', parts));
        }, iter: 100);
    }

    [Fact]
    public void Validate_RandomStringsAndHugeInputs_NeverThrowNorValidate()
    {
        using var harness = new DpopTestHarness();
        var threeParts = Gen.Select(Gen.Char[Base64UrlAlphabet].Array[0, 400], Gen.Char[Base64UrlAlphabet].Array[0, 400], Gen.Char[Base64UrlAlphabet].Array[86])
            .Select(static (h, p, s) => $"{new string(h)}.{new string(p)}.{new string(s)}");
        var huge = Gen.Int[DpopProofValidator.MaxProofLength - 10, 3 * DpopProofValidator.MaxProofLength].Select(static n => new string('A', n));

        Gen.OneOf(Gen.String[0, 600], threeParts, huge).Sample(text =>
        {
            var result = harness.Validate(text);
            Assert.False(result.IsValid);
            Assert.NotNull(result.RejectionReason);
            if (text.Length > DpopProofValidator.MaxProofLength)
            {
                Assert.Equal(DpopRejectionReasons.ProofTooLarge, result.RejectionReason);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Validate_RandomJsonSignedByTheKeyItNames_NeverThrows()
    {
        using var harness = new DpopTestHarness();
        var header = DpopTestHarness.Header(harness.KeyA);
        var claims = harness.Claims(",\"ath\":\"a\",\"nonce\":\"n\"");
        var expected = harness.Expect() with { AccessTokenHash = "a", Nonce = "n" };

        Gen.Select(Gen.Bool, Gen.Int[0, 200], Gen.Int[0, 8], MutationChar.Array[0, 6]).Sample((inHeader, at, remove, insert) =>
        {
            var json = inHeader ? header : claims;
            at = Math.Min(at, json.Length);
            var mutated = string.Concat(json.AsSpan(0, at), new string(insert), json.AsSpan(Math.Min(json.Length, at + remove)));
            var proof = inHeader ? harness.Sign(mutated, claims) : harness.Sign(header, mutated);

            var result = DpopProofValidator.Validate(proof, expected);

            Assert.Equal(result.IsValid, result.RejectionReason is null);
        }, iter: 3_000);
    }

    private static void AssertNotValidUnlessUnchanged(DpopTestHarness harness, string original, string candidate)
    {
        var result = harness.Validate(candidate);
        Assert.Equal(string.Equals(original, candidate, StringComparison.Ordinal), result.IsValid);
        Assert.Equal(result.IsValid, result.RejectionReason is null);
    }

    private static bool IsWellFormedUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
