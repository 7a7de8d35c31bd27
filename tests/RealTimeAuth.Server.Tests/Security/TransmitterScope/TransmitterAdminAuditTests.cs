using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.Tests.Admin.Monitoring;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.TransmitterScope;

/// <summary>
/// Who changed which transmitters the server trusts is on the record: adding or removing one through the admin API
/// writes an event-log entry naming the acting admin and the attributes the transmitter may change, and never the push secret.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class TransmitterAdminAuditTests(InfrastructureFixture infrastructure)
{
    private const string PushSecret = "Bearer transmitter-push-secret-0123456789";

    [Fact]
    public async Task AddThenRemoveTransmitter_EachWritesAnEntryWithTheActingAdmin()
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "ssf_admin_audit", configure: tokens.Configure);
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Create("rta-admin"));

        using var added = await http.PostAsJsonAsync("admin/v1/ssf/transmitters", new
        {
            issuer = "https://new-transmitter.test/",
            audience = "rta-server",
            pushAuthorization = PushSecret,
            subjectIssuers = new[] { "https://idp.test/" },
            allowedClaims = new[] { "user.risk_level", "user.claim.department" },
        }).WaitAsync(LiveServer.Timeout);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var streamId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var removed = await http.DeleteAsync(new Uri($"admin/v1/ssf/streams/{streamId}", UriKind.Relative)).WaitAsync(LiveServer.Timeout);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        await using var scope = server.Factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<RtaDbContext>().EventLog.AsNoTracking()
            .Where(entry => entry.Type == SsfEventLogTypes.TransmitterAdded || entry.Type == SsfEventLogTypes.TransmitterRemoved)
            .OrderBy(entry => entry.Sequence)
            .ToListAsync().WaitAsync(LiveServer.Timeout);
        Assert.Equal([SsfEventLogTypes.TransmitterAdded, SsfEventLogTypes.TransmitterRemoved], entries.Select(entry => entry.Type));
        Assert.All(entries, entry => Assert.Equal("admin:tester@realtimeauth.dev", entry.Actor));
        Assert.All(entries, entry => Assert.Contains(streamId!, entry.Payload, StringComparison.OrdinalIgnoreCase));
        Assert.All(entries, entry => Assert.DoesNotContain("transmitter-push-secret", entry.Payload, StringComparison.Ordinal));
        Assert.All(entries, entry => Assert.Contains("user.claim.department", entry.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddTransmitter_WithoutAllowedClaims_LoggedWithTheCaepDefault()
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "ssf_admin_default_claims", configure: tokens.Configure);
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Create("rta-admin"));

        using var added = await http.PostAsJsonAsync("admin/v1/ssf/transmitters", new
        {
            issuer = "https://default-transmitter.test/",
            audience = "rta-server",
            pushAuthorization = PushSecret,
        }).WaitAsync(LiveServer.Timeout);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var allowed = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowedClaims").EnumerateArray().Select(item => item.GetString());
        Assert.Equal(["user.risk_level", "user.assurance_level", "user.device_compliant"], allowed);
    }

    [Fact]
    public async Task AddTransmitter_UnknownAllowedClaim_ValidationProblemAndNothingTrusted()
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "ssf_admin_bad_claims", configure: tokens.Configure);
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Create("rta-admin"));

        using var added = await http.PostAsJsonAsync("admin/v1/ssf/transmitters", new
        {
            issuer = "https://bad-claims-transmitter.test/",
            audience = "rta-server",
            pushAuthorization = PushSecret,
            allowedClaims = new[] { "user.risk_level", "*" },
        }).WaitAsync(LiveServer.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.True((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("allowedClaims", out _));
        await using var scope = server.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<RtaDbContext>().SsfStreams
            .AnyAsync(row => row.Issuer == "https://bad-claims-transmitter.test/").WaitAsync(LiveServer.Timeout));
    }
}
