using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RealTimeAuth.Server.Tests.Admin.Monitoring;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>The received-events list over HTTP, as the console and an admin's curl call it: paging is optional.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class SharedSignalsAdminHttpTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task ListEvents_WithoutPaging_AnswersTheFirstPage_AndBadPagingIsAValidationProblem()
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "ssf_admin_http", configure: tokens.Configure);
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Create("rta-auditor"));

        var page = await http.GetFromJsonAsync<JsonElement>("admin/v1/ssf/events", JsonSerializerOptions.Web).WaitAsync(LiveServer.Timeout);
        using var tooMany = await http.GetAsync(new Uri("admin/v1/ssf/events?take=501", UriKind.Relative)).WaitAsync(LiveServer.Timeout);
        using var negative = await http.GetAsync(new Uri("admin/v1/ssf/events?skip=-1", UriKind.Relative)).WaitAsync(LiveServer.Timeout);

        Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
        Assert.Equal(0, page.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }
}
