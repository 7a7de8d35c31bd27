using RealTimeAuth.DevIdp.Account;

namespace RealTimeAuth.DevIdp.Tests;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/connect/authorize?client_id=portal", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("connect/authorize", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsLocal_Url_AcceptsOnlyPathsOnThisHost(string? url, bool expected)
    {
        Assert.Equal(expected, LocalUrl.IsLocal(url));
    }
}
