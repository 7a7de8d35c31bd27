using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.DevIdp.Tests.Infrastructure;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Identity;

namespace RealTimeAuth.DevIdp.Tests.SharedSignals;

/// <summary>Push delivery with retries and backoff (RFC 8935), poll delivery with acks and setErrs (RFC 8936), and the trigger API's effect on sign-in.</summary>
[Trait("Tier", "Functional")]
public sealed class TransmitterDeliveryTests(DevIdpFactory factory) : IClassFixture<DevIdpFactory>
{
    private const string Morty = "morty@the-citadel.com";
    private const string RiskLevelChange = "https://schemas.openid.net/secevent/caep/event-type/risk-level-change";

    /// <summary>
    /// How long a long poll must stay open with nothing queued. Nothing observable marks "the poll is waiting", so this
    /// quiet period is itself the assertion.
    /// </summary>
    private static readonly TimeSpan LongPollQuiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Push_ReceiverFailsTwice_RetriedWithGrowingBackoff_ThenDeliveredSignedAndAuthorized()
    {
        using var timeout = TestTimeout.Start();
        await using var receiver = await FlakyReceiver.StartAsync(failures: 2);
        // A database of its own: the class fixture's host, started by the poll tests, would deliver these pushes too.
        using var own = new DevIdpFactory();
        using var idp = own.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("DevIdp:SharedSignals:PushInitialBackoff", "00:00:00.200");
            builder.UseSetting("DevIdp:SharedSignals:PushMaxBackoff", "00:00:05");
        });
        using var client = idp.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token);
        const string authorization = "Bearer push-secret-for-the-flaky-receiver";
        var (created, stream) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/stream", token, new JsonObject
        {
            ["delivery"] = new JsonObject { ["method"] = "urn:ietf:rfc:8935", ["endpoint_url"] = receiver.Endpoint, ["authorization_header"] = authorization },
            ["events_requested"] = new JsonArray(RiskLevelChange),
        }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Null(stream!["delivery"]!["authorization_header"]);

        var trigger = await Transmitter.TriggerAsync(client, Morty, "risk", new { level = "high" }, timeout.Token);
        var jti = trigger["sets"]!.AsArray().Single(set => set!["streamId"]!.GetValue<string>() == stream["stream_id"]!.GetValue<string>())!["jti"]!.GetValue<string>();
        Assert.True(await Eventually.UntilAsync(() => receiver.Pushes.Any(push => push.Status == 202), TestTimeout.Test, timeout.Token), "No push was accepted.");

        var pushes = receiver.Pushes.Where(push => Claims(push.Body)["jti"]!.GetValue<string>() == jti).ToList();
        Assert.Equal([503, 503, 202], pushes.Select(push => push.Status));
        Assert.All(pushes, push => Assert.Equal(authorization, push.Authorization));
        Assert.All(pushes, push => Assert.Equal("application/secevent+jwt", push.ContentType));
        var firstWait = Stopwatch.GetElapsedTime(pushes[0].Timestamp, pushes[1].Timestamp);
        var secondWait = Stopwatch.GetElapsedTime(pushes[1].Timestamp, pushes[2].Timestamp);
        Assert.True(firstWait >= TimeSpan.FromMilliseconds(180), $"First retry after {firstWait.TotalMilliseconds:0} ms.");
        Assert.True(secondWait >= TimeSpan.FromMilliseconds(380), $"Second retry after {secondWait.TotalMilliseconds:0} ms; the backoff should double.");

        var jwks = new JsonWebKeySet(await client.GetStringAsync("/ssf/v1/jwks", timeout.Token));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(pushes[2].Body, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.Keys,
            ValidIssuer = stream["iss"]!.GetValue<string>(),
            ValidAudience = "rta-server",
            RequireExpirationTime = false,
            ValidTypes = ["secevent+jwt"],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var claims = Claims(pushes[2].Body);
        Assert.Equal("iss_sub", claims["sub_id"]!["format"]!.GetValue<string>());
        Assert.Equal("HIGH", claims["events"]![RiskLevelChange]!["current_level"]!.GetValue<string>());
        Assert.Null(claims["sub"]);
        Assert.Null(claims["exp"]);
    }

    [Fact]
    public async Task Push_ReceiverReconfiguresItsStream_PendingSetIsRetriedAtOnceWithTheNewHeader()
    {
        using var timeout = TestTimeout.Start();
        await using var receiver = await FlakyReceiver.StartAsync(failures: 1);
        // A database of its own: the class fixture's host, started by the poll tests, would deliver these pushes too.
        using var own = new DevIdpFactory();
        using var idp = own.WithWebHostBuilder(builder =>
        {
            // A retry would normally come 30 s after the failure.
            builder.UseSetting("DevIdp:SharedSignals:PushInitialBackoff", "00:00:30");
            builder.UseSetting("DevIdp:SharedSignals:PushMaxBackoff", "00:01:00");
        });
        using var client = idp.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token);
        var (_, stream) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/stream", token, new JsonObject
        {
            ["delivery"] = new JsonObject { ["method"] = "urn:ietf:rfc:8935", ["endpoint_url"] = receiver.Endpoint, ["authorization_header"] = "Bearer old-secret" },
            ["events_requested"] = new JsonArray(RiskLevelChange),
        }, timeout.Token);
        await Transmitter.TriggerAsync(client, Morty, "risk", new { level = "high" }, timeout.Token);
        Assert.True(await Eventually.UntilAsync(() => !receiver.Pushes.IsEmpty, TestTimeout.Test, timeout.Token), "Nothing was pushed.");

        // The receiver restarted with a new push secret and updates its stream.
        var updated = Stopwatch.GetTimestamp();
        var (patched, _) = await Transmitter.SendAsync(client, HttpMethod.Patch, "/ssf/v1/stream", token, new JsonObject
        {
            ["stream_id"] = stream!["stream_id"]!.GetValue<string>(),
            ["delivery"] = new JsonObject { ["method"] = "urn:ietf:rfc:8935", ["endpoint_url"] = receiver.Endpoint, ["authorization_header"] = "Bearer new-secret" },
        }, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.True(await Eventually.UntilAsync(() => receiver.Pushes.Any(push => push.Status == 202), TestTimeout.Test, timeout.Token), "The pending SET was not delivered.");

        var delivered = receiver.Pushes.First(push => push.Status == 202);
        Assert.Equal("Bearer new-secret", delivered.Authorization);
        Assert.True(Stopwatch.GetElapsedTime(updated, delivered.Timestamp) < TimeSpan.FromSeconds(10), "The retry should not wait out the backoff.");
    }

    [Fact]
    public async Task Push_OneReceiverHangs_OtherStreamsKeepGettingNewEventsPromptly()
    {
        using var timeout = TestTimeout.Start();
        await using var hanging = await FlakyReceiver.StartAsync(failures: 0, stall: TimeSpan.FromSeconds(20));
        await using var healthy = await FlakyReceiver.StartAsync(failures: 0);
        // A database of its own: the class fixture's host, started by the poll tests, would deliver these pushes too.
        using var own = new DevIdpFactory();
        using var idp = own.WithWebHostBuilder(builder => builder.UseSetting("DevIdp:SharedSignals:PushTimeout", "00:00:15"));
        using var client = idp.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token);
        foreach (var receiver in new[] { hanging, healthy })
        {
            await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/stream", token, new JsonObject
            {
                ["delivery"] = new JsonObject { ["method"] = "urn:ietf:rfc:8935", ["endpoint_url"] = receiver.Endpoint, ["authorization_header"] = "Bearer x" },
                ["events_requested"] = new JsonArray(RiskLevelChange),
            }, timeout.Token);
        }

        await Transmitter.TriggerAsync(client, Morty, "risk", new { level = "high" }, timeout.Token);
        Assert.True(await Eventually.UntilAsync(() => !healthy.Pushes.IsEmpty && !hanging.Pushes.IsEmpty, TestTimeout.Test, timeout.Token), "Not both receivers got a push.");

        // The hanging receiver holds its push open; the next event still reaches the healthy one at once.
        var second = Stopwatch.GetTimestamp();
        await Transmitter.TriggerAsync(client, Morty, "risk", new { level = "low" }, timeout.Token);
        Assert.True(
            await Eventually.UntilAsync(
                () => healthy.Pushes.Any(push => Claims(push.Body)["events"]![RiskLevelChange]!["current_level"]!.GetValue<string>() == "LOW"), TestTimeout.Test, timeout.Token),
            "The second event did not reach the healthy receiver.");

        Assert.True(Stopwatch.GetElapsedTime(second) < TimeSpan.FromSeconds(5), $"The healthy stream waited {Stopwatch.GetElapsedTime(second).TotalSeconds:0.0} s behind the hanging one.");
    }

    [Fact]
    public async Task Poll_AckAndSetErrs_AreRecorded_AndNotServedAgain()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token);
        var (_, stream) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/stream", token, new JsonObject
        {
            ["delivery"] = new JsonObject { ["method"] = "urn:ietf:rfc:8936" },
            ["events_requested"] = new JsonArray(RiskLevelChange),
        }, timeout.Token);
        var id = stream!["stream_id"]!.GetValue<string>();
        Assert.EndsWith($"/ssf/v1/poll/{id}", stream["delivery"]!["endpoint_url"]!.GetValue<string>(), StringComparison.Ordinal);
        await Transmitter.TriggerAsync(client, Morty, "risk", new { level = "medium" }, timeout.Token);
        await Transmitter.TriggerAsync(client, Morty, "risk", new { level = "low" }, timeout.Token);

        var (first, firstBody) = await Transmitter.SendAsync(client, HttpMethod.Post, $"/ssf/v1/poll/{id}", token,
            MgmtConformance.Read("delivery-poll", "poll-01-initial-poll-request.body.json"), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var jtis = firstBody!["sets"]!.AsObject().Select(set => set.Key).ToList();
        Assert.Equal(2, jtis.Count);

        var answer = MgmtConformance.Read("delivery-poll", "poll-05-ack-with-setErrs-request.body.json");
        answer["ack"] = new JsonArray(jtis[0]);
        answer["setErrs"] = new JsonObject { [jtis[1]] = answer["setErrs"]!.AsObject().Single().Value!.DeepClone() };
        var (second, secondBody) = await Transmitter.SendAsync(client, HttpMethod.Post, $"/ssf/v1/poll/{id}", token, answer, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Empty(secondBody!["sets"]!.AsObject());
        Assert.False(secondBody["moreAvailable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Poll_LongPoll_ReturnsWhenASetIsQueued()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token);
        var (_, stream) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/stream", token, new JsonObject
        {
            ["delivery"] = new JsonObject { ["method"] = "urn:ietf:rfc:8936" },
            ["events_requested"] = new JsonArray(RiskLevelChange),
        }, timeout.Token);
        var id = stream!["stream_id"]!.GetValue<string>();

        var poll = Transmitter.SendAsync(client, HttpMethod.Post, $"/ssf/v1/poll/{id}", token,
            MgmtConformance.Read("delivery-poll", "poll-02-default-poll-request.body.json"), timeout.Token);
        await Task.Delay(LongPollQuiet, timeout.Token);
        Assert.False(poll.IsCompleted, "The long poll answered before anything was queued.");
        await Transmitter.TriggerAsync(client, Morty, "risk", new { level = "high" }, timeout.Token);
        var (_, body) = await poll;

        Assert.Single(body!["sets"]!.AsObject());
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn_UntilEnabled()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var request = DemoAccounts.RickAtPortal() with { Username = "summer@the-smiths.com" };

        await Transmitter.TriggerAsync(client, "summer@the-smiths.com", "disable", null, timeout.Token);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new HeadlessCodeFlow(client).SignInAsync(request, timeout.Token));
        await Transmitter.TriggerAsync(client, "summer@the-smiths.com", "enable", null, timeout.Token);
        using var fresh = factory.CreateBrowserlessClient();
        var allowed = await new HeadlessCodeFlow(fresh).SignInAsync(request, timeout.Token);

        Assert.Contains("failed with 401", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(allowed.AccessToken);
    }

    private static JsonNode Claims(string compact) => JsonNode.Parse(Base64UrlEncoder.Decode(compact.Split('.')[1]))!;
}
