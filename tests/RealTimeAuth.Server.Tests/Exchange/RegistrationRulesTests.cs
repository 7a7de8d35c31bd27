using RealTimeAuth.Server.Exchange;

namespace RealTimeAuth.Server.Tests.Exchange;

public sealed class RegistrationRulesTests
{
    private static readonly ExchangeClientOptions Client = new()
    {
        Secret = "0123456789abcdef0123",
        AllowedScopes = ["records:read", "records:write", "todos:read"],
        AgentKinds = ["copilot", "data-writer"],
    };

    [Fact]
    public void Agent_NoKindRequested_IsTheRegistrationsFirst()
    {
        var (agent, error) = RegistrationRules.Agent(Request(kind: null), Client);

        Assert.Null(error);
        Assert.Equal("copilot", agent!.Kind);
    }

    [Fact]
    public void Agent_ClientWithNoKinds_IsRefusedNotDefaulted()
    {
        var (agent, error) = RegistrationRules.Agent(Request(kind: null), new ExchangeClientOptions { Secret = Client.Secret });

        Assert.Null(agent);
        Assert.Equal(ExchangeRejectionReasons.AgentKindNotAllowed, error!.Reason);
    }

    [Fact]
    public void RootScopes_TokenWithoutScopes_AreTheRequestsOrTheClients()
    {
        var (scopes, _) = RegistrationRules.RootScopes(Request(), Client, grantable: null);

        Assert.Equal(Client.AllowedScopes, scopes);
    }

    [Fact]
    public void RootScopes_TokenWithScopes_DefaultIsOnlyWhatItGrants()
    {
        var (scopes, error) = RegistrationRules.RootScopes(Request(), Client, new HashSet<string> { "openid", "todos:read" });

        Assert.Null(error);
        Assert.Equal(["todos:read"], scopes);
    }

    [Fact]
    public void IdpClient_AllowListAndTokenWithoutClient_IsRefused()
    {
        var client = new ExchangeClientOptions { Secret = Client.Secret, AllowedIdpClients = ["portal"] };

        Assert.Equal(ExchangeRejectionReasons.IdpClientNotAllowed, RegistrationRules.IdpClient(client, idpClient: null)!.Reason);
        Assert.Null(RegistrationRules.IdpClient(client, "portal"));
    }

    private static ExchangeRequest Request(string? kind = "copilot", params string[] scopes) =>
        new("token", "urn:ietf:params:oauth:token-type:access_token", "nonce-0123456789ab", scopes, "agent-1", "agent-1", kind, null);
}
