using RealTimeAuth.Protocol.Binding;
using Reasons = RealTimeAuth.Protocol.Binding.DpopRejectionReasons;

namespace RealTimeAuth.Protocol.Tests.Binding;

/// <summary>The round trip, and one or more proofs per rejection code; each asserts the code and that nothing leaks out.</summary>
public sealed class DpopProofValidatorTests
{
    [Fact]
    public void Validate_WrittenProof_IsValidWithThumbprintJtiAndIat()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();

        var result = harness.Validate(proof);

        Assert.True(result.IsValid);
        Assert.Null(result.RejectionReason);
        Assert.Equal(harness.Writer.JwkThumbprint, result.JwkThumbprint);
        Assert.Equal(22, result.Jti!.Length);
        Assert.Contains($"\"jti\":\"{result.Jti}\"", DpopTestHarness.Decode(proof.Split('.')[1]), StringComparison.Ordinal);
        Assert.Equal(DpopTestHarness.Start, result.IssuedAt);
    }

    [Fact]
    public void Validate_ProofWithAthNonceAndKeyAllExpected_IsValid()
    {
        using var harness = new DpopTestHarness();
        var ath = DpopAccessTokenHash.Compute("access-token");
        var proof = harness.Writer.Write("GET", "https://rta.example/access/v1/evaluation?q=1", ath, "server-nonce");

        var result = DpopProofValidator.Validate(proof, harness.Expect("GET", "https://rta.example/access/v1/evaluation") with
        {
            AccessTokenHash = ath,
            Nonce = "server-nonce",
            JwkThumbprint = harness.Writer.JwkThumbprint,
        });

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_DefaultResult_IsNotValid()
    {
        Assert.False(default(DpopProofValidationResult).IsValid);
    }

    [Fact]
    public void Validate_Empty_IsProofMissing()
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.ProofMissing, harness.Validate(""));
        AssertRejected(Reasons.ProofMissing, DpopProofValidator.Validate(null, harness.Expect()));
    }

    [Fact]
    public void Validate_OneCharacterOverMax_IsProofTooLarge()
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.ProofTooLarge, harness.Validate(new string('a', DpopProofValidator.MaxProofLength + 1)));
    }

    [Theory]
    [InlineData("only.two")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    [InlineData("no dots at all")]
    public void Validate_NotThreeParts_IsMalformedProof(string proof)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.MalformedProof, harness.Validate(proof));
    }

    [Fact]
    public void Validate_PaddedOrNonAlphabetOrWhitespace_IsMalformedProof()
    {
        using var harness = new DpopTestHarness();
        var parts = harness.Write().Split('.');

        AssertRejected(Reasons.MalformedProof, harness.Validate($"{parts[0]}=.{parts[1]}.{parts[2]}"));
        AssertRejected(Reasons.MalformedProof, harness.Validate($"{parts[0]}.{parts[1].Replace('-', '+').Replace('_', '/')}+/.{parts[2]}"));
        AssertRejected(Reasons.MalformedProof, harness.Validate($"{parts[0]}.{parts[1]} .{parts[2]}"));
        AssertRejected(Reasons.MalformedProof, harness.Validate($"{parts[0]}.{parts[1]}.{parts[2][..^2]}=="));
    }

    [Fact]
    public void Validate_SignatureTextWithNonZeroUnusedBits_IsMalformedProof()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        // 86 characters carry 516 bits for 512: the last character's 4 low bits are not data.
        var last = Alphabet.IndexOf(proof[^1], StringComparison.Ordinal);
        var mutated = proof[..^1] + Alphabet[last | 1];

        AssertRejected(Reasons.MalformedProof, harness.Validate(mutated));
    }

    [Fact]
    public void Validate_SignatureNot64Bytes_IsMalformedProof()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();

        AssertRejected(Reasons.MalformedProof, harness.Validate(proof[..^4]));
        AssertRejected(Reasons.MalformedProof, harness.Validate(proof + "AAAA"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"dpop+jwt\"")]
    [InlineData("""{"typ":"dpop+jwt","typ":"dpop+jwt","alg":"EdDSA"}""")]
    [InlineData("""{"typ":"dpop+jwt","t\u0079p":"dpop+jwt","alg":"EdDSA"}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","crit":["exp"]}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA"} {}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA",}""")]
    [InlineData("""{"typ":"dpop+jwt" /* c */,"alg":"EdDSA"}""")]
    [InlineData("""{"typ":"\ud800","alg":"EdDSA"}""")]
    [InlineData("""{"a":[[[[[[[[[[1]]]]]]]]]],"typ":"dpop+jwt","alg":"EdDSA"}""")]
    public void Validate_HeaderNotOneWellFormedObject_IsMalformedProof(string header)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.MalformedProof, harness.Validate(harness.Sign(header, harness.Claims())));
    }

    [Fact]
    public void Validate_HeaderWithInvalidUtf8_IsMalformedProof()
    {
        using var harness = new DpopTestHarness();
        byte[] header = [.. """{"typ":"dpop+jwt","alg":"EdDSA","kid":"""u8, 0x22, 0xC3, 0x28, 0x22, (byte)'}'];
        var proof = harness.Sign("{}", harness.Claims());

        AssertRejected(Reasons.MalformedProof, harness.Validate(System.Buffers.Text.Base64Url.EncodeToString(header) + proof[proof.IndexOf('.', StringComparison.Ordinal)..]));
    }

    [Fact]
    public void Validate_JwkRepeatsMember_IsMalformedProof()
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.MalformedProof, harness.Validate(harness.Sign(DpopTestHarness.Header(harness.KeyA, ",\"kty\":\"OKP\""), harness.Claims())));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"jti":"a","jti":"b","htm":"POST","htu":"https://rta.example/oauth/token","iat":1}""")]
    [InlineData("""{"jti":"a","htm":"POST","htu":"https://rta.example/oauth/token","iat":1,"nonce":"x","nonce":"y"}""")]
    public void Validate_ClaimsNotOneWellFormedObject_IsMalformedProof(string claims)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.MalformedProof, harness.Validate(harness.SignClaims(claims)));
    }

    [Theory]
    [InlineData("""{"alg":"EdDSA"}""")]
    [InlineData("""{"typ":"JWT","alg":"EdDSA"}""")]
    [InlineData("""{"typ":"DPOP+JWT","alg":"EdDSA"}""")]
    [InlineData("""{"typ":"application/dpop+jwt","alg":"EdDSA"}""")]
    [InlineData("""{"typ":["dpop+jwt"],"alg":"EdDSA"}""")]
    public void Validate_TypNotDpopJwt_IsWrongType(string header)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.WrongType, harness.Validate(harness.Sign(header, harness.Claims())));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("ES256")]
    [InlineData("RS256")]
    [InlineData("eddsa")]
    [InlineData("Ed448")]
    public void Validate_AlgNotEdDsa_IsUnsupportedAlgorithm(string? alg)
    {
        using var harness = new DpopTestHarness();
        var header = DpopTestHarness.Header(harness.KeyA).Replace("\"alg\":\"EdDSA\",", alg is null ? "" : $"\"alg\":\"{alg}\",", StringComparison.Ordinal);

        AssertRejected(Reasons.UnsupportedAlgorithm, harness.Validate(harness.Sign(header, harness.Claims())));
    }

    [Theory]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA"}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"EC","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","crv":"X25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519"}}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUR"}}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURoAA"}}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="}}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURp"}}""")]
    [InlineData("""{"typ":"dpop+jwt","alg":"EdDSA","jwk":{"kty":"OKP","crv":"Ed25519","x":32}}""")]
    public void Validate_JwkNotEd25519PublicKey_IsMalformedJwk(string header)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.MalformedJwk, harness.Validate(harness.Sign(header, harness.Claims())));
    }

    [Theory]
    [InlineData(",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"")]
    [InlineData(",\"d\":null")]
    public void Validate_JwkWithPrivateKey_IsPrivateKeyInJwk(string d)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.PrivateKeyInJwk, harness.Validate(harness.Sign(DpopTestHarness.Header(harness.KeyA, d), harness.Claims())));
    }

    [Theory]
    [InlineData("""{"htm":"POST","htu":"https://rta.example/oauth/token","iat":IAT}""")]
    [InlineData("""{"jti":"","htm":"POST","htu":"https://rta.example/oauth/token","iat":IAT}""")]
    [InlineData("""{"jti":123,"htm":"POST","htu":"https://rta.example/oauth/token","iat":IAT}""")]
    public void Validate_NoJti_IsMissingJti(string claims)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.MissingJti, harness.Validate(harness.SignClaims(claims.Replace("IAT", $"{harness.NowSeconds}", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("""{"jti":"j","htu":"https://rta.example/oauth/token","iat":IAT}""", Reasons.MissingHtm)]
    [InlineData("""{"jti":"j","htm":null,"htu":"https://rta.example/oauth/token","iat":IAT}""", Reasons.MissingHtm)]
    [InlineData("""{"jti":"j","htm":"POST","iat":IAT}""", Reasons.MissingHtu)]
    [InlineData("""{"jti":"j","htm":"POST","htu":{},"iat":IAT}""", Reasons.MissingHtu)]
    [InlineData("""{"jti":"j","htm":"POST","htu":"https://rta.example/oauth/token"}""", Reasons.MissingIat)]
    [InlineData("""{"jti":"j","htm":"POST","htu":"https://rta.example/oauth/token","iat":"IAT"}""", Reasons.MissingIat)]
    public void Validate_RequiredClaimAbsentOrNotOfItsType_IsMissingThatClaim(string claims, string reason)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(reason, harness.Validate(harness.SignClaims(claims.Replace("IAT", $"{harness.NowSeconds}", StringComparison.Ordinal))));
    }

    [Fact]
    public void Validate_SignatureOfOtherBytes_IsBadSignature()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();
        var other = harness.Write();

        AssertRejected(Reasons.BadSignature, harness.Validate(proof[..proof.LastIndexOf('.')] + other[other.LastIndexOf('.')..]));
    }

    [Fact]
    public void Validate_ValidProofWithJwkSwappedForAnotherKey_IsBadSignature()
    {
        using var harness = new DpopTestHarness();
        var parts = harness.Write().Split('.');

        var swapped = DpopTestHarness.Encode(DpopTestHarness.Header(harness.KeyB)) + "." + parts[1] + "." + parts[2];

        AssertRejected(Reasons.BadSignature, harness.Validate(swapped));
    }

    [Fact]
    public void Validate_SignedByKeyAClaimingKeyB_IsBadSignature()
    {
        using var harness = new DpopTestHarness();

        var proof = harness.Sign(DpopTestHarness.Header(harness.KeyB), harness.Claims(), signer: harness.KeyA);

        AssertRejected(Reasons.BadSignature, harness.Validate(proof));
    }

    [Fact]
    public void Validate_ClaimsEditedAfterSigning_IsBadSignature()
    {
        using var harness = new DpopTestHarness();
        var parts = harness.Write().Split('.');
        var claims = DpopTestHarness.Decode(parts[1]).Replace("\"POST\"", "\"GET\"", StringComparison.Ordinal);

        var proof = parts[0] + "." + DpopTestHarness.Encode(claims) + "." + parts[2];

        AssertRejected(Reasons.BadSignature, DpopProofValidator.Validate(proof, harness.Expect(method: "GET")));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("post")]
    [InlineData("PUT")]
    public void Validate_ProofReplayedForAnotherMethod_IsWrongMethod(string method)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.WrongMethod, DpopProofValidator.Validate(harness.Write(), harness.Expect(method: method)));
    }

    [Theory]
    [InlineData("https://rta.example/oauth/token2")]
    [InlineData("https://rta.example/oauth")]
    [InlineData("https://rta.example/OAUTH/token")]
    [InlineData("https://other.example/oauth/token")]
    [InlineData("http://rta.example/oauth/token")]
    [InlineData("https://rta.example:8443/oauth/token")]
    [InlineData("https://rta.example/access/v1/evaluation")]
    public void Validate_ProofReplayedForAnotherUri_IsWrongUri(string uri)
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.WrongUri, DpopProofValidator.Validate(harness.Write(), harness.Expect(uri: uri)));
    }

    [Fact]
    public void Validate_HtuNotAnHttpUri_IsWrongUri()
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.WrongUri, harness.Validate(harness.SignClaims(harness.Claims().Replace(DpopTestHarness.Uri, "/oauth/token", StringComparison.Ordinal))));
    }

    [Fact]
    public void Validate_IatAtEitherEdgeOfTheWindow_IsValid()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();

        Assert.True(DpopProofValidator.Validate(proof, harness.Expect() with { Now = DpopTestHarness.Start + DpopTestHarness.Window }).IsValid);
        Assert.True(DpopProofValidator.Validate(proof, harness.Expect() with { Now = DpopTestHarness.Start - DpopTestHarness.Skew }).IsValid);
    }

    [Fact]
    public void Validate_IatOneSecondOlderThanWindow_IsStaleProof()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();
        harness.Time.Advance(DpopTestHarness.Window + TimeSpan.FromSeconds(1));

        AssertRejected(Reasons.StaleProof, harness.Validate(proof));
    }

    [Fact]
    public void Validate_IatOneSecondBeyondSkew_IsFutureProof()
    {
        using var harness = new DpopTestHarness();
        harness.Time.Advance(DpopTestHarness.Skew + TimeSpan.FromSeconds(1));
        var proof = harness.Write();

        AssertRejected(Reasons.FutureProof, DpopProofValidator.Validate(proof, harness.Expect() with { Now = DpopTestHarness.Start }));
    }

    [Theory]
    [InlineData("-1", Reasons.StaleProof)]
    [InlineData("1e300", Reasons.FutureProof)]
    [InlineData("-1e300", Reasons.StaleProof)]
    public void Validate_IatFarOutOfRange_IsStaleOrFuture(string iat, string reason)
    {
        using var harness = new DpopTestHarness();
        var claims = harness.Claims().Replace($"\"iat\":{harness.NowSeconds}", $"\"iat\":{iat}", StringComparison.Ordinal);

        AssertRejected(reason, harness.Validate(harness.SignClaims(claims)));
    }

    [Fact]
    public void Validate_IatAtTheLongestWindowsEdges_IsValid()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();

        Assert.True(DpopProofValidator.Validate(proof, harness.Expect() with { Now = DpopTestHarness.Start.AddDays(1), FreshnessWindow = TimeSpan.FromDays(1) }).IsValid);
        Assert.True(DpopProofValidator.Validate(proof, harness.Expect() with { Now = DpopTestHarness.Start.AddHours(-1), ClockSkew = TimeSpan.FromHours(1) }).IsValid);
    }

    [Fact]
    public void Validate_FractionalIatInWindow_IsValid()
    {
        using var harness = new DpopTestHarness();
        var claims = harness.Claims().Replace($"\"iat\":{harness.NowSeconds}", $"\"iat\":{harness.NowSeconds}.75", StringComparison.Ordinal);

        var result = harness.Validate(harness.SignClaims(claims));

        Assert.True(result.IsValid);
        Assert.Equal(DpopTestHarness.Start.AddMilliseconds(750), result.IssuedAt);
    }

    [Fact]
    public void Validate_AccessTokenPresentedProofWithoutAth_IsMissingAth()
    {
        using var harness = new DpopTestHarness();

        var result = DpopProofValidator.Validate(harness.Write(), harness.Expect() with { AccessTokenHash = DpopAccessTokenHash.Compute("token") });

        AssertRejected(Reasons.MissingAth, result);
    }

    [Fact]
    public void Validate_AthOfAnotherToken_IsWrongAth()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Writer.Write(DpopTestHarness.Method, DpopTestHarness.Uri, DpopAccessTokenHash.Compute("token-1"));

        var result = DpopProofValidator.Validate(proof, harness.Expect() with { AccessTokenHash = DpopAccessTokenHash.Compute("token-2") });

        AssertRejected(Reasons.WrongAth, result);
    }

    [Fact]
    public void Validate_AthNotAString_IsWrongAth()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.SignClaims(harness.Claims(",\"ath\":43"));

        AssertRejected(Reasons.WrongAth, DpopProofValidator.Validate(proof, harness.Expect() with { AccessTokenHash = DpopAccessTokenHash.Compute("token") }));
    }

    [Fact]
    public void Validate_NonceExpectedProofWithoutNonce_IsNonceRequired()
    {
        using var harness = new DpopTestHarness();

        AssertRejected(Reasons.NonceRequired, DpopProofValidator.Validate(harness.Write(), harness.Expect() with { Nonce = "n-1" }));
    }

    [Theory]
    [InlineData("n-2")]
    [InlineData("n-1 ")]
    [InlineData("N-1")]
    public void Validate_OtherNonce_IsWrongNonce(string nonce)
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Writer.Write(DpopTestHarness.Method, DpopTestHarness.Uri, nonce: nonce);

        AssertRejected(Reasons.WrongNonce, DpopProofValidator.Validate(proof, harness.Expect() with { Nonce = "n-1" }));
    }

    [Fact]
    public void Validate_ProofByAnotherKeyThanBound_IsWrongKey()
    {
        using var harness = new DpopTestHarness();
        var boundToB = JwkThumbprint.Compute(harness.KeyB.PublicKey);

        AssertRejected(Reasons.WrongKey, DpopProofValidator.Validate(harness.Write(), harness.Expect() with { JwkThumbprint = boundToB }));
    }

    [Theory]
    [InlineData("https://RTA.Example/oauth/token")]
    [InlineData("HTTPS://rta.example/oauth/token")]
    [InlineData("https://rta.example:443/oauth/token")]
    [InlineData("https://rta.example:/oauth/token")]
    [InlineData("https://rta.example/oauth/token?grant_type=x")]
    [InlineData("https://rta.example/oauth/token#f")]
    [InlineData("https://rta.example/o%61uth/token")]
    [InlineData("https://rta.example/%6F%61uth/token")]
    public void Validate_RequestUriEquivalentAfterNormalisation_IsValid(string uri)
    {
        using var harness = new DpopTestHarness();

        Assert.True(DpopProofValidator.Validate(harness.Write(), harness.Expect(uri: uri)).IsValid);
    }

    [Theory]
    [InlineData("http://rta.example/", "http://rta.example:80")]
    [InlineData("https://rta.example/a%2fb", "https://rta.example/a%2Fb")]
    [InlineData("https://[::1]:8443/t", "https://[::1]:8443/t")]
    [InlineData("https://rta.example/~x", "https://rta.example/%7ex")]
    public void Validate_HtuEquivalentAfterNormalisation_IsValid(string htu, string requestUri)
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Writer.Write("GET", htu);

        Assert.True(DpopProofValidator.Validate(proof, harness.Expect("GET", requestUri)).IsValid);
    }

    [Theory]
    [InlineData("https://rta.example/a%2Fb", "https://rta.example/a/b")]
    [InlineData("https://rta.example/a", "https://rta.example/a/")]
    [InlineData("https://rta.example/a/../b", "https://rta.example/b")]
    [InlineData("https://[::1]/t", "https://[::2]/t")]
    [InlineData("http://rta.example:443/t", "https://rta.example/t")]
    public void Validate_HtuNotEquivalent_IsWrongUri(string htu, string requestUri)
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Writer.Write("GET", htu);

        AssertRejected(Reasons.WrongUri, DpopProofValidator.Validate(proof, harness.Expect("GET", requestUri)));
    }

    [Fact]
    public void Validate_HtuWithUserinfo_IsWrongUri()
    {
        using var harness = new DpopTestHarness();
        var claims = harness.Claims().Replace("https://rta.example", "https://rta.example@evil.example", StringComparison.Ordinal);

        AssertRejected(Reasons.WrongUri, harness.Validate(harness.SignClaims(claims)));
    }

    [Fact]
    public void Validate_UnknownHeaderMembersAndClaims_AreIgnored()
    {
        using var harness = new DpopTestHarness();
        var header = DpopTestHarness.Header(harness.KeyA, ",\"kid\":\"k1\",\"use\":\"sig\"")[..^1] + ",\"kid\":\"h\",\"x5c\":[\"a\",{\"b\":[1,2]}]}";

        Assert.True(harness.Validate(harness.Sign(header, harness.Claims(",\"exp\":1,\"extra\":{\"nested\":[true,null]}"))).IsValid);
    }

    [Fact]
    public void Validate_EscapedButEqualStrings_AreRead()
    {
        using var harness = new DpopTestHarness();
        var header = DpopTestHarness.Header(harness.KeyA).Replace("dpop+jwt", "dpop\\u002bjwt", StringComparison.Ordinal);
        var claims = harness.Claims().Replace("https://rta.example/oauth/token", "https:\\/\\/rta.example\\/oauth\\/token", StringComparison.Ordinal);

        Assert.True(harness.Validate(harness.Sign(header, claims)).IsValid);
    }

    [Fact]
    public void Validate_MalformedExpectations_Throws()
    {
        using var harness = new DpopTestHarness();
        var proof = harness.Write();

        Assert.Throws<ArgumentException>(() => DpopProofValidator.Validate(proof, harness.Expect(method: "")));
        Assert.Throws<ArgumentException>(() => DpopProofValidator.Validate(proof, harness.Expect(uri: "/oauth/token")));
        Assert.Throws<ArgumentOutOfRangeException>(() => DpopProofValidator.Validate(proof, harness.Expect() with { ClockSkew = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DpopProofValidator.Validate(proof, harness.Expect() with { FreshnessWindow = TimeSpan.FromDays(2) }));
        Assert.Throws<ArgumentException>(() => DpopProofValidator.Validate(proof, harness.Expect() with { Nonce = "" }));
        Assert.ThrowsAny<ArgumentException>(() => DpopProofValidator.Validate(proof, default));
    }

    private static void AssertRejected(string reason, DpopProofValidationResult result)
    {
        Assert.Equal(reason, result.RejectionReason);
        Assert.False(result.IsValid);
        Assert.Null(result.JwkThumbprint);
        Assert.Null(result.Jti);
        Assert.Equal(default, result.IssuedAt);
    }
}
