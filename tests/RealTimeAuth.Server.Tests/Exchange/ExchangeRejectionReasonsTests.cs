using System.Reflection;
using System.Text.RegularExpressions;
using RealTimeAuth.Server.Exchange;

namespace RealTimeAuth.Server.Tests.Exchange;

public sealed partial class ExchangeRejectionReasonsTests
{
    private static readonly string[] Codes = [.. typeof(ExchangeRejectionReasons)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)];

    [Fact]
    public void Codes_AreKebabCase()
    {
        Assert.NotEmpty(Codes);
        Assert.All(Codes, code => Assert.Matches(KebabCase(), code));
    }

    [Fact]
    public void Codes_AreDistinct() => Assert.Equal(Codes.Length, Codes.Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Description_StartsWithTheReasonCode()
    {
        var result = OAuthErrorResult.InvalidGrant(ExchangeRejectionReasons.UntrustedIssuer, "The subject token is not from a trusted issuer.");

        Assert.Equal(("invalid_grant", ExchangeRejectionReasons.UntrustedIssuer), (result.Value.Error, result.Reason));
        Assert.Equal("untrusted-issuer: The subject token is not from a trusted issuer.", result.Value.ErrorDescription);
    }

    [Theory]
    [InlineData(false, 400)]
    [InlineData(true, 401)]
    public void InvalidClient_KeepsItsDescriptionBehindTheCode(bool usedBasic, int status)
    {
        var result = OAuthErrorResult.InvalidClient(ExchangeRejectionReasons.ClientAuthenticationFailed, usedBasic);

        Assert.Equal((status, "invalid_client"), (result.StatusCode, result.Value.Error));
        Assert.Equal("client-authentication-failed: Client authentication failed.", result.Value.ErrorDescription);
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();
}
