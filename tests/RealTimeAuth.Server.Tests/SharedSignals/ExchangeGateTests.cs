using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Telemetry;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>RISC account events reach the token exchange: a disabled user gets no new session until enabled again.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ExchangeGateTests : IClassFixture<ExchangeGateFixture>
{
    private const string IdpIssuer = ExchangeGateFixture.Issuer;
    private readonly TestSigningKey _idpKey;
    private readonly SsfServer _server;

    public ExchangeGateTests(ExchangeGateFixture fixture)
    {
        fixture.ServeIdp();
        _server = fixture.Server;
        _idpKey = fixture.IdpKey;
    }

    [Fact]
    public async Task Exchange_AfterAccountDisabled_InvalidGrantUntilEnabled()
    {
        var subject = $"alice-{Guid.NewGuid():N}";
        var (status, session, _) = await ExchangeAsync(subject, $"{subject}@example.com");
        Assert.Equal(HttpStatusCode.OK, status);

        await _server.DeliverAsync(RiscEvent("account-disabled", IssuerSubject(subject)));
        var refused = await ExchangeAsync(subject, $"{subject}@example.com");
        await _server.DeliverAsync(RiscEvent("account-enabled", IssuerSubject(subject)));
        var allowed = await ExchangeAsync(subject, $"{subject}@example.com");

        Assert.Equal("Revoked", (await _server.SessionAsync(Guid.Parse(session!))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("invalid_grant", refused.Body.GetProperty("error").GetString());
        Assert.StartsWith(ExchangeRejectionReasons.UserBlocked + ":", refused.Body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    [Fact]
    public async Task Exchange_RefusedForBlockedUser_TagsSpanAndCounterWithTheReason()
    {
        var subject = $"dave-{Guid.NewGuid():N}";
        var spans = new ConcurrentQueue<Activity>();
        var measurements = new ConcurrentQueue<Dictionary<string, object?>>();
        using var spanListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RtaServerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(spanListener);
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is { Name: "rta.exchanges", Meter.Name: RtaServerTelemetry.Name })
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((_, _, tags, _) => measurements.Enqueue(tags.ToArray().ToDictionary()));
        meterListener.Start();

        await _server.DeliverAsync(RiscEvent("account-disabled", IssuerSubject(subject)));
        var refused = await ExchangeAsync(subject, null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(spans, span => span.OperationName == "rta.exchange"
            && span.GetTagItem("rta.exchange.outcome") as string == "invalid_grant"
            && span.GetTagItem("rta.exchange.reason") as string == ExchangeRejectionReasons.UserBlocked);
        Assert.Contains(measurements, tags => tags.GetValueOrDefault("outcome") as string == "invalid_grant"
            && tags.GetValueOrDefault("reason") as string == ExchangeRejectionReasons.UserBlocked);
    }

    [Fact]
    public async Task Exchange_AfterCredentialCompromiseByEmail_InvalidGrant()
    {
        var subject = $"bob-{Guid.NewGuid():N}";
        var email = $"{subject}@Example.com";

        await _server.DeliverAsync(RiscEvent("credential-compromise", new JsonObject { ["format"] = "email", ["email"] = email.ToUpperInvariant() },
            new JsonObject { ["credential_type"] = "password" }));
        var refused = await ExchangeAsync(subject, email);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("invalid_grant", refused.Body.GetProperty("error").GetString());
        Assert.StartsWith(ExchangeRejectionReasons.UserBlocked + ":", refused.Body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_DisabledAtAnIssuerTheTransmitterDoesNotSpeakFor_StillAllowed()
    {
        var subject = $"carol-{Guid.NewGuid():N}";
        var outOfScope = new JsonObject { ["format"] = "iss_sub", ["iss"] = "https://someone-elses-idp.test/", ["sub"] = subject };

        var set = await _server.DeliverAsync(RiscEvent("account-disabled", outOfScope));
        var allowed = await ExchangeAsync(subject, null);

        Assert.Equal("subject_not_mappable", set.Effect);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    [Fact]
    public async Task Exchange_ClientRegistrationWithItsOwnLifetimes_SessionStoredWithThem()
    {
        var (status, session, _) = await ExchangeAsync($"erin-{Guid.NewGuid():N}", null);

        Assert.Equal(HttpStatusCode.OK, status);
        var row = await _server.SessionAsync(Guid.Parse(session!));
        Assert.Equal(row.CreatedAt + ExchangeGateFixture.CopilotAbsoluteLifetime, row.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(ExchangeGateFixture.CopilotIdleLifetime, row.IdleTimeout);
        Assert.Equal(row.CreatedAt + ExchangeGateFixture.CopilotIdleLifetime, row.IdleExpiresAt, TimeSpan.FromMilliseconds(1));
    }

    private static JsonObject IssuerSubject(string subject) => new() { ["format"] = "iss_sub", ["iss"] = IdpIssuer, ["sub"] = subject };

    private static JsonObject RiscEvent(string type, JsonObject subject, JsonObject? payload = null) => new()
    {
        ["iss"] = TestStreams.Issuer,
        ["jti"] = Guid.NewGuid().ToString("N"),
        ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["aud"] = TestStreams.Audience,
        ["sub_id"] = subject,
        ["events"] = new JsonObject { ["https://schemas.openid.net/secevent/risc/event-type/" + type] = payload ?? new JsonObject() },
    };

    private Task<(HttpStatusCode Status, string? SessionId, JsonElement Body)> ExchangeAsync(string subject, string? email) =>
        GateExchange.ExchangeAsync(_server, _idpKey, subject, email);
}
