using System.Net;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.Tests.SharedSignals;
using RealTimeAuth.Testing;
using static RealTimeAuth.Server.Tests.Security.Transmitters.TransmitterSets;

namespace RealTimeAuth.Server.Tests.Security.Transmitters;

/// <summary>
/// A block set by one transmitter is lifted only by that transmitter or an admin (ADR 0020): transmitter B, which speaks
/// for the same users as A, tries to undo A's block with account-enabled, identifier-changed and identifier-recycled.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class BlockOwnershipAttackTests : IClassFixture<TransmitterScopeFixture>
{
    private readonly SsfServer _server;
    private readonly TransmitterScopeFixture _fixture;

    public BlockOwnershipAttackTests(TransmitterScopeFixture fixture)
    {
        fixture.ServeIdp();
        _fixture = fixture;
        _server = fixture.Server;
    }

    [Fact]
    public async Task AccountEnabledFromAnotherTransmitter_BlockHeld_ExchangeStillRefusedUntilTheSetterLiftsIt()
    {
        var subject = $"alice-{Guid.NewGuid():N}";
        await _server.DeliverAsync(FromA(Risc + "account-disabled", User(subject)));

        var byB = await _server.DeliverAsB(FromB(Risc + "account-enabled", User(subject)));
        var whileHeld = await ExchangeAsync(subject, null);
        var byA = await _server.DeliverAsync(FromA(Risc + "account-enabled", User(subject)));
        var afterA = await ExchangeAsync(subject, null);

        Assert.Equal(SetEffectCodes.BlockHeldByOtherTransmitter, byB.Effect);
        Assert.True(await LoggedWithEffectAsync(byB.Jti, SetEffectCodes.BlockHeldByOtherTransmitter), "The event log shows the held block.");
        AssertBlocked(whileHeld);
        Assert.Equal(SetEffectCodes.SubjectUnblocked, byA.Effect);
        Assert.Equal(HttpStatusCode.OK, afterA.Status);
    }

    [Fact]
    public async Task BothTransmittersBlock_EachAccountEnabledLiftsOnlyItsOwn()
    {
        var subject = $"bob-{Guid.NewGuid():N}";
        await _server.DeliverAsync(FromA(Risc + "account-disabled", User(subject)));
        await _server.DeliverAsB(FromB(Risc + "credential-compromise", User(subject), new() { ["credential_type"] = "password" }));

        var byA = await _server.DeliverAsync(FromA(Risc + "account-enabled", User(subject)));
        var afterA = await ExchangeAsync(subject, null);
        var byB = await _server.DeliverAsB(FromB(Risc + "account-enabled", User(subject)));
        var afterB = await ExchangeAsync(subject, null);

        Assert.Equal(SetEffectCodes.BlockHeldByOtherTransmitter, byA.Effect);
        AssertBlocked(afterA);
        Assert.Equal(SetEffectCodes.SubjectUnblocked, byB.Effect);
        Assert.Equal(HttpStatusCode.OK, afterB.Status);
    }

    [Fact]
    public async Task IdentifierChangedFromAnotherTransmitter_BlockStaysOnTheOldEmailAndFollowsToTheNew()
    {
        var subject = $"carol-{Guid.NewGuid():N}";
        var email = $"{subject}@example.com";
        var renamed = $"{subject}-new@example.com";
        await _server.DeliverAsync(FromA(Risc + "credential-compromise", Email(email), new() { ["credential_type"] = "password" }));

        await _server.DeliverAsB(FromB(Risc + "identifier-changed", Email(email), new() { ["new-value"] = renamed }));
        var oldEmail = await ExchangeAsync(subject, email);
        var newEmail = await ExchangeAsync($"{subject}-2", renamed);

        AssertBlocked(oldEmail);
        AssertBlocked(newEmail);
        var setters = await _server.QueryAsync(db => db.SubjectStatuses.Where(row => row.Value == email || row.Value == renamed)
            .Select(row => row.SetBy).Distinct().ToListAsync());
        Assert.Equal([TestStreams.Issuer], setters);
    }

    [Fact]
    public async Task IdentifierRecycledFromAnotherTransmitter_LeavesTheBlock()
    {
        var subject = $"dave-{Guid.NewGuid():N}";
        var email = $"{subject}@example.com";
        await _server.DeliverAsync(FromA(Risc + "account-disabled", Email(email)));

        await _server.DeliverAsB(FromB(Risc + "identifier-recycled", Email(email)));

        AssertBlocked(await ExchangeAsync(subject, email));
    }

    private Task<(HttpStatusCode Status, string? SessionId, System.Text.Json.JsonElement Body)> ExchangeAsync(string subject, string? email) =>
        GateExchange.ExchangeAsync(_server, _fixture.IdpKey, subject, email);

    private static void AssertBlocked((HttpStatusCode Status, string? SessionId, System.Text.Json.JsonElement Body) exchange)
    {
        Assert.Equal(HttpStatusCode.BadRequest, exchange.Status);
        Assert.Equal("invalid_grant", exchange.Body.GetProperty("error").GetString());
        Assert.StartsWith(ExchangeRejectionReasons.UserBlocked + ":", exchange.Body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    private async Task<bool> LoggedWithEffectAsync(string jti, string effect)
    {
        var entries = await _server.QueryAsync(db => db.EventLog.AsNoTracking().Where(entry => entry.Type == SsfEventLogTypes.EventProcessed)
            .Select(entry => entry.Payload).ToListAsync());
        return entries.Any(payload => payload.Contains(jti, StringComparison.Ordinal) && payload.Contains(effect, StringComparison.Ordinal));
    }
}
