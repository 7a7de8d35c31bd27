using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.AgentSimulator.Identity;
using RealTimeAuth.AgentSimulator.Tests.Fakes;

namespace RealTimeAuth.AgentSimulator.Tests.Identity;

public sealed class HeadlessCodeFlowTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SignIn_RightPassword_FollowsTheLoginAndRedeemsTheCodeWithItsVerifier()
    {
        var idp = new FakeIdentityProvider("user@realtimeauth.dev", "rta-dev-password");
        using var http = new HttpClient(idp) { BaseAddress = FakeIdentityProvider.BaseAddress };

        var tokens = await new HeadlessCodeFlow(http, _time).SignInAsync(Request("rta-dev-password"), CancellationToken.None).WaitAsync(TestTimeouts.Default);

        Assert.Equal(FakeIdentityProvider.AccessToken, tokens.AccessToken);
        Assert.Equal(_time.GetUtcNow().AddSeconds(900), tokens.ExpiresAt);
        Assert.Equal("/connect/authorize?x=1&y=2", idp.LoginPost!["returnUrl"]);
    }

    [Fact]
    public async Task SignIn_WrongPassword_FailsAsInvalidCredentialsWithoutThePassword()
    {
        using var http = new HttpClient(new FakeIdentityProvider("user@realtimeauth.dev", "rta-dev-password")) { BaseAddress = FakeIdentityProvider.BaseAddress };

        var exception = await Assert.ThrowsAsync<SignInException>(
            () => new HeadlessCodeFlow(http, _time).SignInAsync(Request("not-the-password"), CancellationToken.None).WaitAsync(TestTimeouts.Default));

        Assert.Equal("invalid_credentials", exception.Error);
        Assert.DoesNotContain("not-the-password", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCode_ForeignState_IsRefused()
    {
        var exception = Assert.Throws<SignInException>(
            () => AuthorizationCallback.ReadCode(new Uri("http://localhost/portal/callback?code=c&state=theirs"), "ours"));

        Assert.Equal("invalid_state", exception.Error);
    }

    [Fact]
    public void ReadCode_ErrorResponse_CarriesTheOAuthError()
    {
        var exception = Assert.Throws<SignInException>(
            () => AuthorizationCallback.ReadCode(new Uri("http://localhost/portal/callback?error=access_denied&state=ours"), "ours"));

        Assert.Equal("access_denied", exception.Error);
    }

    [Fact]
    public void LoginForm_Page_ReadsActionHiddenFieldsAndThePasswordInput()
    {
        var form = LoginForm.Read("""
            <p>Sign in</p>
            <form method="post" action="/account/login">
              <input type="hidden" name="__RequestVerificationToken" value="a&amp;b">
              <input name="username" type="email">
              <input name="password" type="password">
            </form>
            """);

        Assert.Equal("/account/login", form.Action);
        Assert.Equal("a&b", form.Fields["__RequestVerificationToken"]);
        Assert.True(form.HasPasswordField);
    }

    private static CodeFlowRequest Request(string password) => new()
    {
        ClientId = "portal",
        RedirectUri = new Uri("http://localhost/portal/callback"),
        Scope = "openid rta",
        Email = "user@realtimeauth.dev",
        Password = password,
    };
}
