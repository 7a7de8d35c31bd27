using System.Net;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>The generic SETs printed in RFC 8417 are valid SETs but not SSF SETs: sub, no sub_id, several events. Each is refused.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class Rfc8417ExampleTests(SsfServerFixture fixture) : IClassFixture<SsfServerFixture>
{
    public static TheoryData<string> Examples => [.. RepositoryFiles.ConformanceFiles("caep", "rfc8417")];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Rfc8417Example_SignedByTrustedTransmitter_InvalidRequest(string file)
    {
        var claims = SsfServer.Restamp(RepositoryFiles.ReadConformanceJson("caep", "rfc8417", file));

        var response = await fixture.Server.PushAsync(claims);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
    }
}
