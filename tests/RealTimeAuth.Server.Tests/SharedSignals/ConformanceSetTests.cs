using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>Every SET of the conformance examples, made fresh and signed by the test transmitter, is accepted and does what it means.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ConformanceSetTests(SsfServerFixture fixture) : IClassFixture<SsfServerFixture>
{
    public static TheoryData<string> Sets => [.. RepositoryFiles.ConformanceFiles("caep", "sets")];

    [Fact]
    public void ConformanceSets_EachHasAnExpectation_NoneForgotten()
    {
        Assert.Equal(RepositoryFiles.ConformanceFiles("caep", "sets").Order(StringComparer.Ordinal), ConformanceExpectations.ByFile.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task ConformanceSet_Restamped_AcceptedAndApplied(string file)
    {
        var server = fixture.Server;
        // The cases share the specifications' example users on one server; a user an earlier case blocked gets no new
        // session (INewSessionGate), so each case starts with none blocked.
        await server.LiftAllBlocksAsync();
        var check = await ConformanceExpectations.ByFile[file](server);
        var claims = SsfServer.Restamp(RepositoryFiles.ReadConformanceJson("caep", "sets", file));

        var set = await server.DeliverAsync(claims);

        Assert.Equal(ReceivedSetStatus.Applied, set.Status);
        Assert.Equal(0, set.Redeliveries);
        await check(set);
        var logged = await server.QueryAsync(db => db.EventLog.AsNoTracking()
            .Where(entry => entry.Type == SsfEventLogTypes.EventProcessed)
            .Select(entry => entry.Payload)
            .ToListAsync());
        Assert.Single(logged, payload => JsonNode.Parse(payload)!["jti"]!.GetValue<string>() == set.Jti);
    }

    [Fact]
    public async Task ProprietarySubjectSet_OriginalIatCenturiesAhead_RejectedSayingWhy()
    {
        var claims = RepositoryFiles.ReadConformanceJson("caep", "sets", "ssf-caep-token-claims-change-3-proprietary-catalog_item-subject.json");
        var restamped = SsfServer.Restamp(claims);
        restamped["iat"] = claims["iat"]!.DeepClone();

        var response = await fixture.Server.PushAsync(restamped);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Contains("iat", response.Description, StringComparison.Ordinal);
        Assert.Contains("future", response.Description, StringComparison.Ordinal);
    }
}
