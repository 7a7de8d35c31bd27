using RealTimeAuth.Admin.Auth;

namespace RealTimeAuth.Admin.Tests.Auth;

/// <summary>The sign-in <c>returnUrl</c> is kept only when it is a path on this site; every other form goes to the root.</summary>
public sealed class LoginReturnUrlTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "absolute http URL", "https://evil.example/console" },
        { "scheme-relative", "//evil.example" },
        { "slash backslash", "/\\evil.example" },
        { "backslash only", "\\\\evil.example" },
        { "backslash later in the path", "/sessions\\..\\\\evil.example" },
        { "javascript scheme", "javascript:alert(1)" },
        { "javascript scheme, mixed case", "JaVaScRiPt:alert(1)" },
        { "data scheme", "data:text/html,<script>alert(1)</script>" },
        { "relative path without leading slash", "evil.example" },
        { "tab between slashes", "/\t/evil.example" },
        { "newline between slashes", "/\n/evil.example" },
        { "null character", "/sessions\0" },
        { "encoded double slash", "/%2F%2Fevil.example" },
        { "encoded second slash", "/%2Fevil.example" },
        { "encoded second slash, lower case", "/%2fevil.example" },
        { "encoded backslash", "/%5Cevil.example" },
        { "encoded backslash, lower case", "/%5cevil.example" },
        { "encoded leading slashes", "%2F%2Fevil.example" },
        { "double-encoded slash", "/%252Fevil.example" },
        { "triple-encoded slash", "/%25252Fevil.example" },
        { "encoded tab", "/%09/evil.example" },
        { "encoded carriage return", "/%0D/evil.example" },
        { "encoded null", "/sessions%00" },
        { "encoded absolute URL", "https%3A%2F%2Fevil.example" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Login_NonLocalReturnUrl_RedirectsToRoot(string form, string returnUrl)
    {
        var challenge = AccountEndpoints.Login(returnUrl);

        Assert.True(challenge.Properties!.RedirectUri == "/", $"{form} was kept as {challenge.Properties.RedirectUri}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sessions")]
    [InlineData("/sessions/8f1c2a74-6a2e-4a0e-b6a0-2d4c1c0f9e11")]
    [InlineData("/audit?agent=co-pilot&page=2")]
    [InlineData("/policies/todo%20rules")]
    public void Login_LocalPath_KeptAsReturnUrl(string returnUrl)
    {
        var challenge = AccountEndpoints.Login(returnUrl);

        Assert.Equal(returnUrl, challenge.Properties!.RedirectUri);
    }

    [Fact]
    public void Login_NoReturnUrl_RedirectsToRoot()
    {
        Assert.Equal("/", AccountEndpoints.Login(null).Properties!.RedirectUri);
    }
}
