using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Protocol.Tests.Binding;

public sealed class DpopProofWriterTests
{
    [Fact]
    public void Write_Header_IsTypedEdDsaWithPublicJwkOnly()
    {
        using var harness = new DpopTestHarness();

        var header = DpopTestHarness.Decode(harness.Write().Split('.')[0]);

        Assert.Equal(DpopTestHarness.Header(harness.KeyA), header);
    }

    [Fact]
    public void Write_Claims_AreJtiHtmHtuIatInOrder()
    {
        using var harness = new DpopTestHarness();

        var claims = DpopTestHarness.Decode(harness.Write().Split('.')[1]);

        using var json = JsonDocument.Parse(claims);
        Assert.Equal(["jti", "htm", "htu", "iat"], json.RootElement.EnumerateObject().Select(member => member.Name));
        Assert.Equal(DpopTestHarness.Method, json.RootElement.GetProperty("htm").GetString());
        Assert.Equal(DpopTestHarness.Uri, json.RootElement.GetProperty("htu").GetString());
        Assert.Equal(harness.NowSeconds, json.RootElement.GetProperty("iat").GetInt64());
    }

    [Fact]
    public void Write_Jti_Is128RandomBitsFreshEachTime()
    {
        using var harness = new DpopTestHarness();

        var jtis = Enumerable.Range(0, 100)
            .Select(_ => JsonDocument.Parse(DpopTestHarness.Decode(harness.Write().Split('.')[1])).RootElement.GetProperty("jti").GetString()!)
            .ToList();

        Assert.All(jtis, jti => Assert.Equal(16, Base64Url.DecodeFromChars(jti).Length));
        Assert.Equal(jtis.Count, jtis.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Write_Signature_VerifiesOverAsciiOfFirstTwoParts()
    {
        using var harness = new DpopTestHarness();

        var proof = harness.Write();

        var lastDot = proof.LastIndexOf('.');
        Assert.True(SignatureAlgorithm.Ed25519.Verify(
            harness.KeyA.PublicKey, Encoding.ASCII.GetBytes(proof[..lastDot]), Base64Url.DecodeFromChars(proof.AsSpan(lastDot + 1))));
    }

    [Fact]
    public void Write_UriWithQueryAndFragment_HtuHasNeither()
    {
        using var harness = new DpopTestHarness();

        var proof = harness.Writer.Write("GET", "https://rta.example/access/v1/evaluation?x=1#top");

        Assert.Contains("\"htu\":\"https://rta.example/access/v1/evaluation\"", DpopTestHarness.Decode(proof.Split('.')[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AthAndNonce_FollowIatAndRoundTripThroughEscaping()
    {
        using var harness = new DpopTestHarness();
        const string Nonce = "n\"o\\n\u0001ce-é-😀";

        var claims = DpopTestHarness.Decode(harness.Writer.Write("POST", DpopTestHarness.Uri, "ath-value", Nonce).Split('.')[1]);

        using var json = JsonDocument.Parse(claims);
        Assert.Equal(["jti", "htm", "htu", "iat", "ath", "nonce"], json.RootElement.EnumerateObject().Select(member => member.Name));
        Assert.Equal("ath-value", json.RootElement.GetProperty("ath").GetString());
        Assert.Equal(Nonce, json.RootElement.GetProperty("nonce").GetString());
    }

    [Fact]
    public void JwkThumbprint_IsThumbprintOfTheKey()
    {
        using var harness = new DpopTestHarness();

        Assert.Equal(JwkThumbprint.Compute(harness.KeyA.PublicKey), harness.Writer.JwkThumbprint);
    }

    [Fact]
    public void Constructor_KeyAgreementKey_Throws()
    {
        using var key = Key.Create(KeyAgreementAlgorithm.X25519);

        Assert.Throws<ArgumentException>(() => new DpopProofWriter(key, TimeProvider.System));
    }

    [Theory]
    [InlineData("", DpopTestHarness.Uri)]
    [InlineData("PO ST", DpopTestHarness.Uri)]
    [InlineData("POST", "/oauth/token")]
    [InlineData("POST", "ftp://rta.example/oauth/token")]
    [InlineData("POST", "https://user@rta.example/oauth/token")]
    [InlineData("POST", "https://rta.example:99999/oauth/token")]
    public void Write_MalformedMethodOrUri_Throws(string method, string uri)
    {
        using var harness = new DpopTestHarness();

        Assert.Throws<ArgumentException>(() => harness.Writer.Write(method, uri));
    }

    [Fact]
    public void Write_EmptyNonceOrLoneSurrogate_Throws()
    {
        using var harness = new DpopTestHarness();

        Assert.Throws<ArgumentException>(() => harness.Writer.Write("POST", DpopTestHarness.Uri, nonce: ""));
        Assert.Throws<ArgumentException>(() => harness.Writer.Write("POST", DpopTestHarness.Uri, nonce: "\ud800"));
    }

    [Fact]
    public void Write_ProofLongerThanServersRead_Throws()
    {
        using var harness = new DpopTestHarness();

        Assert.Throws<ArgumentException>(() => harness.Writer.Write("POST", DpopTestHarness.Uri, nonce: new string('n', DpopProofValidator.MaxProofLength)));
    }

    [Fact]
    public void Write_LongestNonceThatFits_IsValidAndAtMostMaxLength()
    {
        using var harness = new DpopTestHarness();
        var nonce = new string('n', 5_500);

        var proof = harness.Writer.Write("POST", DpopTestHarness.Uri, nonce: nonce);

        Assert.InRange(proof.Length, 7_500, DpopProofValidator.MaxProofLength);
        Assert.True(DpopProofValidator.Validate(proof, harness.Expect() with { Nonce = nonce }).IsValid);
    }
}
