using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

public sealed class RtaTokenTextTests
{
    [Fact]
    public void Encode_Token_Is171UnpaddedBase64UrlCharacters()
    {
        using var harness = new TokenTestHarness();

        var text = RtaTokenText.Encode(harness.IssueToken());

        Assert.Equal(171, text.Length);
        Assert.Matches("^[A-Za-z0-9_-]{171}$", text);
    }

    [Fact]
    public void TryDecode_EncodedToken_RoundTrips()
    {
        using var harness = new TokenTestHarness();
        var token = harness.IssueToken();
        var decoded = new byte[128];

        Assert.True(RtaTokenText.TryDecode(RtaTokenText.Encode(token), decoded));
        Assert.Equal(token, decoded);
    }

    [Fact]
    public void TryDecode_AllByteValues_RoundTrip()
    {
        var token = new byte[128];
        for (var i = 0; i < token.Length; i++)
        {
            token[i] = (byte)(i * 2 + 1);
        }

        var decoded = new byte[128];
        Assert.True(RtaTokenText.TryDecode(RtaTokenText.Encode(token), decoded));
        Assert.Equal(token, decoded);
        Assert.True(RtaTokenText.TryDecode(RtaTokenText.Encode(new byte[128]), decoded));
        Assert.Equal(new byte[128], decoded);
    }

    [Fact]
    public void TryEncode_ShortDestination_ReturnsFalse()
    {
        Assert.False(RtaTokenText.TryEncode(new byte[128], new char[170], out _));
        Assert.True(RtaTokenText.TryEncode(new byte[128], new char[171], out var written));
        Assert.Equal(171, written);
    }

    [Fact]
    public void Encode_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => RtaTokenText.Encode(new byte[127]));

    [Theory]
    [InlineData(10, '+')]
    [InlineData(10, '/')]
    [InlineData(10, '=')]
    [InlineData(10, ' ')]
    [InlineData(10, '\t')]
    [InlineData(10, '\n')]
    [InlineData(10, '\0')]
    [InlineData(10, 'é')]
    [InlineData(10, '\uFF21')]
    [InlineData(0, '.')]
    [InlineData(170, '=')]
    [InlineData(170, '~')]
    public void ValidateText_CharacterOutsideAlphabet_IsMalformedText(int index, char bad)
    {
        using var harness = new TokenTestHarness();
        var text = RtaTokenText.Encode(harness.IssueToken()).ToCharArray();
        text[index] = bad;

        Assert.Equal(RtaTokenValidationStatus.MalformedText, harness.CreateValidator().ValidateText(text).Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ValidateText_NonZeroUnusedTrailingBits_IsMalformedText(int unusedBits)
    {
        using var harness = new TokenTestHarness();
        var text = RtaTokenText.Encode(harness.IssueToken()).ToCharArray();
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        text[170] = Alphabet[Alphabet.IndexOf(text[170], StringComparison.Ordinal) | unusedBits];

        Assert.Equal(RtaTokenValidationStatus.MalformedText, harness.CreateValidator().ValidateText(text).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("not a token")]
    public void ValidateText_ShortText_IsWrongLength(string text)
    {
        using var harness = new TokenTestHarness();

        Assert.Equal(RtaTokenValidationStatus.WrongLength, harness.CreateValidator().ValidateText(text).Status);
    }

    [Theory]
    [InlineData("=")]
    [InlineData("==")]
    [InlineData(" ")]
    [InlineData("A")]
    public void ValidateText_ExtraTrailingCharacters_IsWrongLength(string suffix)
    {
        using var harness = new TokenTestHarness();
        var text = RtaTokenText.Encode(harness.IssueToken()) + suffix;

        Assert.Equal(RtaTokenValidationStatus.WrongLength, harness.CreateValidator().ValidateText(text).Status);
    }

    [Fact]
    public void ValidateText_StandardBase64OfToken_IsRejected()
    {
        using var harness = new TokenTestHarness();
        var token = harness.IssueToken();
        var standard = Convert.ToBase64String(token);

        var result = harness.CreateValidator().ValidateText(standard);

        Assert.False(result.IsValid);
        Assert.Equal(RtaTokenValidationStatus.WrongLength, result.Status);
        Assert.Equal(
            RtaTokenValidationStatus.MalformedText,
            harness.CreateValidator().ValidateText("+" + RtaTokenText.Encode(token)[1..]).Status);
    }

    [Fact]
    public void ValidateText_ValidText_IsValid()
    {
        using var harness = new TokenTestHarness();

        Assert.True(harness.CreateValidator().ValidateText(RtaTokenText.Encode(harness.IssueToken())).IsValid);
    }
}
