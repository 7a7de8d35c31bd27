using System.Net;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Identity;

/// <summary>
/// Delegation stays inside the registrations: a delegated session holds no scope its own client may not hold, and a
/// client's sessions delegate only to the clients its registration names in <c>MayDelegateTo</c>.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DelegationAttackTests(IdentityAttackFixture fixture) : IClassFixture<IdentityAttackFixture>, IDisposable
{
    private readonly IdentityCalls _calls = new(fixture);

    [Fact]
    public async Task Delegate_WithoutScope_InheritsOnlyWhatTheDelegateClientMayHold()
    {
        var copilot = (await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims()), "copilot")).EnsureIssued();

        var reader = (await _calls.DelegateAsync(copilot, IdentityAttackFixture.ReaderClient, kind: "reader")).EnsureIssued();
        var write = await _calls.AuthorizeAsync(reader, "write", "records");

        Assert.Equal(["records:read"], reader.Scopes);
        Assert.False(write.Decision);
    }

    [Fact]
    public async Task Delegate_ToAClientTheParentsRegistrationDoesNotName_InvalidGrant()
    {
        var reader = (await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims()), IdentityAttackFixture.ReaderClient, kind: "reader", scope: "records:read"))
            .EnsureIssued();

        var refused = await _calls.DelegateAsync(reader, "copilot", kind: "copilot", scope: "records:read");

        AgentKindAttackTests.AssertRefused(refused, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.DelegationNotAllowed);
    }

    [Fact]
    public async Task Delegate_ToAClientTheParentsRegistrationNames_IsIssued()
    {
        var copilot = (await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims()), "copilot")).EnsureIssued();

        var agent = await _calls.DelegateAsync(copilot, "agent", kind: "agent", scope: "records:read");

        agent.EnsureIssued();
    }

    public void Dispose() => _calls.Dispose();
}
