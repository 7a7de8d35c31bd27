using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Client;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Validation;
using RealTimeAuth.Server.Tests.SharedSignals;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Transmitters;

/// <summary>
/// A transmitter changes only the attributes its <c>AllowedClaims</c> lists (ADR 0020): transmitter B, allowed risk, email
/// and <c>user.claim.department</c>, tries to grant a user a role. Refused at the edge by push and by poll, stored nowhere,
/// applied to nothing, counted with the stable reason.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ClaimScopeAttackTests(TransmitterScopeFixture fixture) : IClassFixture<TransmitterScopeFixture>
{
    private readonly SsfServer _server = fixture.Server;

    [Fact]
    public async Task TokenClaimsChange_RoleOutsideTheList_AccessDeniedNothingStoredNothingChanged()
    {
        var subject = $"alice-{Guid.NewGuid():N}";
        var session = await _server.CreateSessionAsync(ExchangeGateFixture.Issuer, subject);
        using var reasons = new RejectionReasons(_server.Service<SetRejectionMetrics>().Rejections);
        var set = TransmitterSets.FromB(TransmitterSets.Caep + "token-claims-change", TransmitterSets.User(subject),
            TransmitterSets.ClaimsChange(new JsonObject { ["role"] = "admin" }));

        var response = await _server.PushAsB(set);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("access_denied", response.Error);
        Assert.Equal(1, reasons.Count(SetRejectionReasons.ClaimNotAllowed));
        Assert.False(await StoredAsync(set));
        Assert.False((await _server.ContextAsync(session.Id)).Attributes.ContainsKey(SubjectAttributes.Roles));
    }

    [Fact]
    public async Task TokenClaimsChange_AllowedClaimBesideARefusedOne_RefusedWholeAndChangesNothing()
    {
        var subject = $"bob-{Guid.NewGuid():N}";
        var session = await _server.CreateSessionAsync(ExchangeGateFixture.Issuer, subject);
        var set = TransmitterSets.FromB(TransmitterSets.Caep + "token-claims-change", TransmitterSets.User(subject),
            TransmitterSets.ClaimsChange(new JsonObject { ["department"] = "finance", ["roles"] = new JsonArray("admin") }));

        var response = await _server.PushAsB(set);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("access_denied", response.Error);
        Assert.False(await StoredAsync(set));
        var context = await _server.ContextAsync(session.Id);
        Assert.False(context.Attributes.ContainsKey(SubjectAttributes.ClaimPrefix + "department"));
        Assert.False(context.Attributes.ContainsKey(SubjectAttributes.Roles));
    }

    [Fact]
    public async Task TokenClaimsChange_AllowedClaim_Applied()
    {
        var subject = $"carol-{Guid.NewGuid():N}";
        var session = await _server.CreateSessionAsync(ExchangeGateFixture.Issuer, subject);

        var applied = await _server.DeliverAsB(TransmitterSets.FromB(TransmitterSets.Caep + "token-claims-change", TransmitterSets.User(subject),
            TransmitterSets.ClaimsChange(new JsonObject { ["department"] = "finance" })));

        Assert.Equal(SetEffectCodes.ContextUpdated, applied.Effect);
        Assert.Equal("finance", (await _server.ContextAsync(session.Id)).Attributes[SubjectAttributes.ClaimPrefix + "department"].AsString());
    }

    [Fact]
    public async Task Poll_ClaimOutsideTheList_SetErrsAccessDeniedAndTheAllowedOneAcknowledged()
    {
        var subject = $"dave-{Guid.NewGuid():N}";
        var session = await _server.CreateSessionAsync(ExchangeGateFixture.Issuer, subject);
        var refused = TransmitterSets.FromB(TransmitterSets.Caep + "token-claims-change", TransmitterSets.User(subject),
            TransmitterSets.ClaimsChange(new JsonObject { ["email"] = "dave@example.com", ["role"] = "admin" }));
        var allowed = TransmitterSets.FromB(TransmitterSets.Caep + "risk-level-change", TransmitterSets.User(subject), new JsonObject { ["current_level"] = "HIGH" });
        var refusedJti = refused["jti"]!.GetValue<string>();
        var allowedJti = allowed["jti"]!.GetValue<string>();
        var stream = _server.Service<SsfStreamCatalog>().Streams.Single(stream => stream.Issuer == TestStreams.OtherIssuer);
        var managed = new SsfManagedStream(stream.Id, new TransmitterOptions { Issuer = TestStreams.OtherIssuer, Audience = TestStreams.Audience },
            new SsfTransmitterMetadata(TestStreams.OtherIssuer, null, null, null, null, null, null, []), "stream-b", null);
        var acks = new List<string>();
        var errors = new Dictionary<string, (string Err, string Description)>();

        await _server.Service<SsfPoller>().ProcessAsync(managed,
            new Dictionary<string, string> { [refusedJti] = _server.OtherKey.Sign(refused), [allowedJti] = _server.OtherKey.Sign(allowed) },
            acks, errors, CancellationToken.None).WaitAsync(SsfServer.Timeout);

        Assert.Equal([allowedJti], acks);
        Assert.Equal("access_denied", errors[refusedJti].Err);
        Assert.False(await StoredAsync(refused));
        await _server.WaitForProcessedAsync(allowedJti);
        var context = await _server.ContextAsync(session.Id);
        Assert.Equal("high", context.Attributes[SubjectAttributes.RiskLevel].AsString());
        Assert.False(context.Attributes.ContainsKey(SubjectAttributes.Roles));
    }

    private Task<bool> StoredAsync(JsonObject set)
    {
        var jti = set["jti"]!.GetValue<string>();
        return _server.QueryAsync(db => db.ReceivedSets.AnyAsync(row => row.Jti == jti));
    }
}
