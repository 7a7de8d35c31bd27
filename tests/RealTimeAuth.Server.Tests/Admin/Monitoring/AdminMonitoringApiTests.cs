using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Admin.Monitoring;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;
using Xunit.Abstractions;

namespace RealTimeAuth.Server.Tests.Admin.Monitoring;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AdminMonitoringApiTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData("admin/v1/events")]
    [InlineData("admin/v1/stream")]
    public async Task Monitoring_Anonymous_Unauthorized(string path)
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "monitoring_anon", configure: tokens.Configure);
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).WaitAsync(LiveServer.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Monitoring_TokenWithoutAdminRole_Forbidden()
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "monitoring_norole", configure: tokens.Configure);
        using var http = Authorized(server, tokens.Create("editor"));

        using var events = await http.GetAsync(new Uri("admin/v1/events", UriKind.Relative)).WaitAsync(LiveServer.Timeout);
        using var stream = await http.GetAsync(new Uri("admin/v1/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(LiveServer.Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, events.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stream.StatusCode);
    }

    [Fact]
    public async Task Events_Auditor_ReadsRevocationWithActorAndReasonNewestFirst()
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "monitoring_events", configure: tokens.Configure);
        var (session, _) = await server.CreateSessionAsync(["records:read"]);
        await server.RevokeAsync(session.Id, RtaRevocationReasons.AdminRevoked, "compromised in test");
        using var http = Authorized(server, tokens.Create("rta-auditor"));

        var page = await http.GetFromJsonAsync<AdminEventPage>("admin/v1/events?limit=1", JsonSerializerOptions.Web).WaitAsync(LiveServer.Timeout);
        var older = await http.GetFromJsonAsync<AdminEventPage>($"admin/v1/events?after={page!.Next}", JsonSerializerOptions.Web).WaitAsync(LiveServer.Timeout);
        var created = await http.GetFromJsonAsync<AdminEventPage>("admin/v1/events?type=session.created", JsonSerializerOptions.Web).WaitAsync(LiveServer.Timeout);

        var revoked = Assert.Single(page.Items);
        Assert.Equal("session.revoked", revoked.Type);
        Assert.Equal("test", revoked.Actor);
        Assert.Equal(RtaRevocationReasons.AdminRevoked, revoked.Reason);
        Assert.Equal("compromised in test", revoked.Detail);
        Assert.Contains(session.Id, revoked.SessionIds);
        Assert.NotNull(page.Next);
        Assert.All(older!.Items, entry => Assert.True(entry.Sequence < revoked.Sequence));
        Assert.All(created!.Items, entry => Assert.Equal("session.created", entry.Type));
        Assert.Contains(created.Items, entry => entry.SessionIds.Contains(session.Id));
    }

    [Fact]
    public async Task Events_BadAfter_ValidationProblem()
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "monitoring_badafter", configure: tokens.Configure);
        using var http = Authorized(server, tokens.Create("rta-admin"));

        using var response = await http.GetAsync(new Uri("admin/v1/events?after=yesterday-ish", UriKind.Relative)).WaitAsync(LiveServer.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("after", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_Auditor_ReceivesRevocationEntryWithinBoundAndStats()
    {
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "monitoring_stream", configure: tokens.Configure);
        var (session, _) = await server.CreateSessionAsync(["records:read"]);
        using var http = Authorized(server, tokens.Create("rta-auditor"));
        using var response = await http.GetAsync(new Uri("admin/v1/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(LiveServer.Timeout);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync());
        var stats = await reader.NextOfTypeAsync("stats");
        Assert.Equal(1, stats.Data.GetProperty("sessions").GetInt32());
        Assert.Equal(1, stats.Data.GetProperty("users").GetInt32());

        var started = Stopwatch.GetTimestamp();
        await server.RevokeAsync(session.Id, RtaRevocationReasons.AdminRevoked, "stream test");
        var entry = await NextLogEntryAsync(reader, "session.revoked");
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"Revocation committed to admin stream entry: {elapsed.TotalMilliseconds:0.0} ms");

        Assert.Contains(session.Id.ToString(), entry.GetProperty("sessionIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal("stream test", entry.GetProperty("detail").GetString());
        Assert.True(elapsed < DeliveryBound, $"The revocation reached the admin stream after {elapsed.TotalMilliseconds:0} ms.");
        var after = await reader.NextOfTypeAsync("stats");
        Assert.Equal(0, after.Data.GetProperty("sessions").GetInt32());
    }

    [Fact]
    public async Task Stream_BurstOfTwoThousandEntries_ArrivesInOrderInAFewCoalescedMessages()
    {
        const int Burst = 2000;
        var tokens = new AdminTokens();
        await using var server = await LiveServer.StartAsync(infrastructure, "monitoring_burst", configure: tokens.Configure);
        using var http = Authorized(server, tokens.Create("rta-admin"));
        using var response = await http.GetAsync(new Uri("admin/v1/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(LiveServer.Timeout);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync());
        await reader.NextOfTypeAsync("stats");

        await AppendBurstAsync(server, Burst);
        var sequences = new List<long>();
        var messages = 0;
        while (sequences.Count < Burst)
        {
            var next = await reader.NextAsync();
            Assert.NotNull(next);
            if (next.Type is "log" or "logs")
            {
                messages++;
                var items = next.Type == "log" ? [next.Data] : next.Data.EnumerateArray().ToList();
                sequences.AddRange(items.Where(item => item.GetProperty("type").GetString() == "test.burst").Select(item => item.GetProperty("sequence").GetInt64()));
            }
        }

        output.WriteLine($"{Burst} entries arrived in {messages} stream message(s)");
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(Burst, sequences.Distinct().Count());
        Assert.True(messages <= 4, $"{Burst} entries took {messages} messages; they should be coalesced into batches.");
    }

    private static async Task AppendBurstAsync(LiveServer server, int count)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLogWriter>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await events.LockAsync(db, CancellationToken.None);
        var entries = new List<EventLogRecord>(count);
        for (var index = 0; index < count; index++)
        {
            entries.Add(events.Append(db, "test.burst", new { index }, "test"));
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await server.Service<EventAnnouncer>().AnnounceAsync(db, entries);
    }

    private static async Task<JsonElement> NextLogEntryAsync(SseReader reader, string type)
    {
        while (true)
        {
            var next = await reader.NextAsync();
            Assert.NotNull(next);
            var items = next.Type switch
            {
                "log" => [next.Data],
                "logs" => next.Data.EnumerateArray().ToList(),
                _ => new List<JsonElement>(),
            };
            foreach (var item in items.Where(item => item.GetProperty("type").GetString() == type))
            {
                return item;
            }
        }
    }

    private static HttpClient Authorized(LiveServer server, string token)
    {
        var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
