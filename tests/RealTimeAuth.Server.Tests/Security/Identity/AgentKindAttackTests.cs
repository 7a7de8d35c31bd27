using System.Net;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Identity;

/// <summary>
/// An agent's kind is the server's record, not the agent's word: a client may claim only the kinds its registration
/// lists, and the shipped policy sees the kind of every agent in the chain, so delegating once under another kind does
/// not shed a restriction.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AgentKindAttackTests(IdentityAttackFixture fixture) : IClassFixture<IdentityAttackFixture>, IDisposable
{
    private readonly IdentityCalls _calls = new(fixture);

    [Fact]
    public async Task Exchange_KindTheClientIsNotRegisteredFor_InvalidRequest()
    {
        var refused = await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims()), "copilot", kind: "security-admin");

        AssertRefused(refused, HttpStatusCode.BadRequest, "invalid_request", ExchangeRejectionReasons.AgentKindNotAllowed);
    }

    [Fact]
    public async Task Exchange_NoKind_GetsTheRegistrationsFirst()
    {
        var issued = (await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims()), IdentityAttackFixture.ReaderClient, kind: null, scope: null)).EnsureIssued();

        var decision = await _calls.AuthorizeAsync(issued, "read", "records");

        Assert.True(decision.Decision, decision.Reason);
    }

    [Fact]
    public async Task Delegate_KindTheDelegateClientIsNotRegisteredFor_InvalidRequest()
    {
        var copilot = (await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims()), "copilot")).EnsureIssued();

        var refused = await _calls.DelegateAsync(copilot, IdentityAttackFixture.ReaderClient, kind: "copilot");

        AssertRefused(refused, HttpStatusCode.BadRequest, "invalid_request", ExchangeRejectionReasons.AgentKindNotAllowed);
    }

    [Fact]
    public async Task ExporterDelegatesAsDataWriter_WriteStillDenied()
    {
        var copilot = (await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims()), "copilot")).EnsureIssued();
        var writer = (await _calls.DelegateAsync(copilot, "copilot", "data-writer")).EnsureIssued();
        var writersWriter = (await _calls.DelegateAsync(writer, "copilot", "data-writer")).EnsureIssued();
        var exporter = (await _calls.DelegateAsync(copilot, "copilot", "record-exporter")).EnsureIssued();
        var laundered = (await _calls.DelegateAsync(exporter, "copilot", "data-writer")).EnsureIssued();

        // Same depth, same kind, same scopes: only the exporter above it (rule exporters-never-write) tells them apart.
        var honest = await _calls.AuthorizeAsync(writersWriter, "write", "records");
        var exporting = await _calls.AuthorizeAsync(exporter, "write", "records");
        var bypass = await _calls.AuthorizeAsync(laundered, "write", "records");

        Assert.Equal(["records:read", "records:write"], laundered.Scopes);
        Assert.True(honest.Decision, honest.Reason);
        Assert.Equal((false, "denied-by-rule"), (exporting.Decision, exporting.Reason));
        Assert.Equal((false, "denied-by-rule"), (bypass.Decision, bypass.Reason));
    }

    public void Dispose() => _calls.Dispose();

    internal static void AssertRefused(Exchanged outcome, HttpStatusCode status, string error, string reason) =>
        Assert.Equal((status, error, reason), (outcome.Status, outcome.Error, outcome.Reason));
}
