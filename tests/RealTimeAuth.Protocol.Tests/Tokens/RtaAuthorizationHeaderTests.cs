using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

public sealed class RtaAuthorizationHeaderTests
{
    private const string T = "{token}";

    [Theory]
    [InlineData("RTA " + T)]
    [InlineData("rta " + T)]
    [InlineData("rTa " + T)]
    [InlineData("RTA   " + T)]
    [InlineData("  RTA " + T + " \t")]
    [InlineData("DPoP " + T)]
    [InlineData("dpop " + T)]
    public void ValidateAuthorizationHeader_WellFormed_IsValid(string template)
    {
        using var harness = new TokenTestHarness();
        var header = template.Replace(T, RtaTokenText.Encode(harness.IssueToken()), StringComparison.Ordinal);

        Assert.Equal(RtaTokenValidationStatus.Valid, harness.CreateValidator().ValidateAuthorizationHeader(header).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("RTA")]
    [InlineData("RTA ")]
    [InlineData("RTA    ")]
    [InlineData("Bearer " + T)]
    [InlineData("RTA" + T)]
    [InlineData("RTA\t" + T)]
    [InlineData("RTAX " + T)]
    [InlineData("DPoP")]
    [InlineData("DPoP ")]
    [InlineData("DPoP" + T)]
    [InlineData("DPoPX " + T)]
    [InlineData("XRTA " + T)]
    [InlineData("R TA " + T)]
    [InlineData("RT\u0391 " + T)]
    [InlineData("RTA " + T + " " + T)]
    [InlineData("RTA " + T + " extra")]
    [InlineData("RTA " + T + ",RTA " + T)]
    [InlineData("RTA " + T + ", Bearer abc")]
    [InlineData("RTA token=" + T)]
    [InlineData("RTA " + T + "\tx")]
    [InlineData("RTA " + T + "=")]
    public void ValidateAuthorizationHeader_Malformed_IsInvalidAuthorizationHeader(string template)
    {
        using var harness = new TokenTestHarness();
        var header = template.Replace(T, RtaTokenText.Encode(harness.IssueToken()), StringComparison.Ordinal);

        Assert.Equal(RtaTokenValidationStatus.InvalidAuthorizationHeader, harness.CreateValidator().ValidateAuthorizationHeader(header).Status);
    }

    [Theory]
    [InlineData("RTA " + T + "\r\n", RtaTokenValidationStatus.WrongLength)]
    [InlineData("RTA abc", RtaTokenValidationStatus.WrongLength)]
    public void ValidateAuthorizationHeader_SchemeRightTokenWrong_ReportsTokenReason(string template, RtaTokenValidationStatus expected)
    {
        using var harness = new TokenTestHarness();
        var header = template.Replace(T, RtaTokenText.Encode(harness.IssueToken()), StringComparison.Ordinal);

        Assert.Equal(expected, harness.CreateValidator().ValidateAuthorizationHeader(header).Status);
    }

    [Fact]
    public void TryGetToken_WellFormed_ReturnsTokenSlice()
    {
        Assert.True(RtaAuthorizationHeader.TryGetToken("rta abc_-", out var token));
        Assert.Equal("abc_-", token.ToString());
    }

    [Fact]
    public void Format_Token_IsSchemeSpaceText()
    {
        using var harness = new TokenTestHarness();
        var token = harness.IssueToken();

        Assert.Equal("RTA " + RtaTokenText.Encode(token), RtaAuthorizationHeader.Format(token));
    }
}
