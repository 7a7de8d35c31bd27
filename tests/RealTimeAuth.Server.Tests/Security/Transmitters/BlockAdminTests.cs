using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.Tests.SharedSignals;
using RealTimeAuth.Testing;
using static RealTimeAuth.Server.Tests.Security.Transmitters.TransmitterSets;

namespace RealTimeAuth.Server.Tests.Security.Transmitters;

/// <summary>
/// An admin sees which transmitter set each block and lifts any one (ADR 0020); the lift is in the event log with the
/// acting admin. Bad input is a ProblemDetails and changes nothing; an unknown block is 404; an auditor may only read.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class BlockAdminTests : IClassFixture<TransmitterScopeFixture>
{
    private readonly SsfServer _server;
    private readonly TransmitterScopeFixture _fixture;

    public BlockAdminTests(TransmitterScopeFixture fixture)
    {
        fixture.ServeIdp();
        _fixture = fixture;
        _server = fixture.Server;
    }

    [Fact]
    public async Task AdminLiftsATransmittersBlock_ExchangeAllowedAndTheLiftLoggedWithTheAdmin()
    {
        var subject = $"erin-{Guid.NewGuid():N}";
        await _server.DeliverAsync(FromA(Risc + "account-disabled", User(subject)));
        using var listed = await SendAsync(HttpMethod.Get, $"admin/v1/blocks?value={subject}", null, "rta-auditor");
        var block = (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single();

        using var lifted = await SendAsync(HttpMethod.Post, "admin/v1/blocks/lift", Lift(block, "Confirmed with the user's manager"), "rta-admin");
        var exchange = await GateExchange.ExchangeAsync(_server, _fixture.IdpKey, subject, null);

        Assert.Equal(TestStreams.Issuer, block.GetProperty("setBy").GetString());
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        var entries = await _server.QueryAsync(db => db.EventLog.AsNoTracking().Where(entry => entry.Type == SsfEventLogTypes.BlockLifted).ToListAsync());
        var entry = Assert.Single(entries, entry => entry.Payload.Contains(subject, StringComparison.Ordinal));
        Assert.Equal("admin:tester@realtimeauth.dev", entry.Actor);
        Assert.Contains(TestStreams.Issuer, entry.Payload, StringComparison.Ordinal);
        Assert.Contains("Confirmed with the user", entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lift_WithoutReason_ValidationProblemAndTheBlockStays()
    {
        var subject = $"frank-{Guid.NewGuid():N}";
        await _server.DeliverAsync(FromA(Risc + "account-disabled", User(subject)));
        var block = await BlockOfAsync(subject);

        using var lifted = await SendAsync(HttpMethod.Post, "admin/v1/blocks/lift", Lift(block, " "), "rta-admin");

        Assert.Equal(HttpStatusCode.BadRequest, lifted.StatusCode);
        Assert.Equal("application/problem+json", lifted.Content.Headers.ContentType?.MediaType);
        Assert.True((await lifted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await GateExchange.ExchangeAsync(_server, _fixture.IdpKey, subject, null)).Status);
    }

    [Fact]
    public async Task Lift_UnknownBlockOrAnotherSetter_NotFound()
    {
        var subject = $"grace-{Guid.NewGuid():N}";
        await _server.DeliverAsync(FromA(Risc + "account-disabled", User(subject)));
        var block = await BlockOfAsync(subject);

        using var otherSetter = await SendAsync(HttpMethod.Post, "admin/v1/blocks/lift",
            new { format = "iss_sub", issuer = block.GetProperty("issuer").GetString(), value = subject, setBy = TestStreams.OtherIssuer, reason = "wrong setter" }, "rta-admin");
        using var unknown = await SendAsync(HttpMethod.Post, "admin/v1/blocks/lift",
            new { format = "iss_sub", issuer = "https://idp.test", value = "nobody", setBy = TestStreams.Issuer, reason = "no such block" }, "rta-admin");

        Assert.Equal(HttpStatusCode.NotFound, otherSetter.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GateExchange.ExchangeAsync(_server, _fixture.IdpKey, subject, null)).Status);
    }

    [Fact]
    public async Task Lift_AsAuditor_Forbidden()
    {
        var subject = $"heidi-{Guid.NewGuid():N}";
        await _server.DeliverAsync(FromA(Risc + "account-disabled", User(subject)));
        var block = await BlockOfAsync(subject);

        using var lifted = await SendAsync(HttpMethod.Post, "admin/v1/blocks/lift", Lift(block, "auditor tries"), "rta-auditor");

        Assert.Equal(HttpStatusCode.Forbidden, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GateExchange.ExchangeAsync(_server, _fixture.IdpKey, subject, null)).Status);
    }

    private static object Lift(JsonElement block, string reason) => new
    {
        format = block.GetProperty("format").GetString(),
        issuer = block.GetProperty("issuer").GetString(),
        value = block.GetProperty("value").GetString(),
        setBy = block.GetProperty("setBy").GetString(),
        reason,
    };

    private async Task<JsonElement> BlockOfAsync(string subject)
    {
        using var listed = await SendAsync(HttpMethod.Get, $"admin/v1/blocks?value={subject}", null, "rta-auditor");
        return (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string role)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fixture.Tokens.Create(role));
        return await _server.Http.SendAsync(request).WaitAsync(SsfServer.Timeout);
    }
}
