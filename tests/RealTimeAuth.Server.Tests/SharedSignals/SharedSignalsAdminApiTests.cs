using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Server.SharedSignals.Admin;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class SharedSignalsAdminApiTests(SsfServerFixture fixture) : IClassFixture<SsfServerFixture>
{
    [Theory]
    [InlineData("admin/v1/ssf/streams")]
    [InlineData("admin/v1/ssf/events")]
    public async Task AdminEndpoint_WithoutAdminToken_Unauthorized(string path)
    {
        using var response = await fixture.Server.Http.GetAsync(new Uri(path, UriKind.Relative)).WaitAsync(SsfServer.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ListStreams_ConfiguredTransmitters_ListedWithTheirState()
    {
        var result = await fixture.Server.QueryAsync(db => SharedSignalsAdminApi.ListStreamsAsync(db, CancellationToken.None));

        Assert.Contains(result.Value!, stream => stream.Issuer == TestStreams.Issuer && stream.Enabled && stream.Source == "configuration");
        Assert.Equal(3, result.Value!.Count);
    }

    [Fact]
    public async Task ListEvents_AfterADelivery_ShowsItsEffect()
    {
        var claims = Sets.SessionEstablished();
        await fixture.Server.DeliverAsync(claims);

        var result = await fixture.Server.QueryAsync(db => SharedSignalsAdminApi.ListEventsAsync(
            new ReceivedSetQuery { Type = "session-established", Jti = claims["jti"]!.GetValue<string>() }, db, CancellationToken.None));

        var page = Assert.IsType<Ok<ReceivedSetPage>>(result.Result).Value!;
        var item = Assert.Single(page.Items);
        Assert.Equal("recorded", item.Effect);
        Assert.Equal("applied", item.Status);
    }
}
