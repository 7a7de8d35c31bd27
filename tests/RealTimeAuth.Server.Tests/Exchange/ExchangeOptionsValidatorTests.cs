using RealTimeAuth.Server.Exchange;

namespace RealTimeAuth.Server.Tests.Exchange;

/// <summary>A client registration that cannot be enforced stops the server at start, naming the key to fix.</summary>
public sealed class ExchangeOptionsValidatorTests
{
    private const string Secret = "0123456789abcdef0123";

    [Fact]
    public void Validate_ClientWithoutAgentKinds_FailsNamingTheKey()
    {
        var result = Validate(new ExchangeClientOptions { Secret = Secret });

        Assert.True(result.Failed);
        Assert.Contains("Exchange:Clients:copilot:AgentKinds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MayDelegateToAnUnregisteredClient_FailsNamingIt()
    {
        var result = Validate(new ExchangeClientOptions { Secret = Secret, AgentKinds = ["copilot"], MayDelegateTo = ["ghost"] });

        Assert.True(result.Failed);
        Assert.Contains("'ghost'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CompleteRegistration_Succeeds()
    {
        var result = Validate(new ExchangeClientOptions { Secret = Secret, AgentKinds = ["copilot"], MayDelegateTo = ["copilot"] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(ExchangeClientOptions client) =>
        new ExchangeOptionsValidator().Validate(null, new ExchangeOptions { Clients = { ["copilot"] = client } });
}
