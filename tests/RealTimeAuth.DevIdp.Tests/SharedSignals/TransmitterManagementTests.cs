using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.DevIdp.Tests.Infrastructure;

namespace RealTimeAuth.DevIdp.Tests.SharedSignals;

/// <summary>The transmitter's metadata, JWKS and stream management API (SSF 1.0 §7, §8), against the conformance bodies.</summary>
[Trait("Tier", "Functional")]
public sealed class TransmitterManagementTests(DevIdpFactory factory) : IClassFixture<DevIdpFactory>
{
    private const string Folder = "mgmt";

    [Fact]
    public async Task Metadata_Served_HasEveryMemberOfTheConformanceExample()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        var (response, body) = await Transmitter.SendAsync(client, HttpMethod.Get, "/.well-known/ssf-configuration", null, null, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metadata = body!.AsObject();
        foreach (var (name, _) in MgmtConformance.Read(Folder, "http-04-discovery-response.body.json"))
        {
            Assert.True(metadata.ContainsKey(name), $"The metadata has no {name}.");
        }

        Assert.Equal("1_0", metadata["spec_version"]!.GetValue<string>());
        Assert.Equal(["urn:ietf:rfc:8935", "urn:ietf:rfc:8936"], metadata["delivery_methods_supported"]!.AsArray().Select(node => node!.GetValue<string>()));
        Assert.Equal("urn:ietf:rfc:6749", metadata["authorization_schemes"]![0]!["spec_urn"]!.GetValue<string>());
        Assert.StartsWith(metadata["issuer"]!.GetValue<string>().TrimEnd('/'), metadata["configuration_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jwks_Served_IsOneEs256PublicKey()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        var json = await client.GetStringAsync("/ssf/v1/jwks", timeout.Token);
        var keys = new JsonWebKeySet(json).Keys;

        var key = Assert.Single(keys);
        Assert.Equal("EC", key.Kty);
        Assert.Equal("P-256", key.Crv);
        Assert.Equal("ES256", key.Alg);
        Assert.Null(key.D);
        Assert.False(string.IsNullOrEmpty(key.Kid));
    }

    [Fact]
    public async Task StreamApi_NoToken_Is401()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        var (response, _) = await Transmitter.SendAsync(client, HttpMethod.Get, "/ssf/v1/stream", null, null, timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StreamApi_TokenWithoutSsfScope_Is403()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token, clientId: "agent", secret: DemoAccounts.AgentSecret, scope: "rta");

        var (response, _) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/stream", token,
            MgmtConformance.Read(Folder, "http-05-create-stream-request.body.json"), timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Stream_CreateReadUpdateReplaceDelete_FollowsTheConformanceShapes()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token);

        var (created, createdBody) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/stream", token,
            MgmtConformance.Read(Folder, "http-05-create-stream-request.body.json"), timeout.Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stream = createdBody!.AsObject();
        AssertHasMembersOf(stream, "http-06-create-stream-response.body.json");
        var id = stream["stream_id"]!.GetValue<string>();
        Assert.Equal("rta-server", stream["aud"]!.GetValue<string>());
        // Unknown example types are not delivered; verification always is.
        Assert.Equal(["https://schemas.openid.net/secevent/ssf/event-type/verification"], stream["events_delivered"]!.AsArray().Select(node => node!.GetValue<string>()));

        var (read, readBody) = await Transmitter.SendAsync(client, HttpMethod.Get, $"/ssf/v1/stream?stream_id={id}", token, null, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        AssertHasMembersOf(readBody!.AsObject(), "http-08-read-stream-response.body.json");
        var (_, all) = await Transmitter.SendAsync(client, HttpMethod.Get, "/ssf/v1/stream", token, null, timeout.Token);
        Assert.Contains(all!.AsArray(), item => item!["stream_id"]!.GetValue<string>() == id);

        var (patched, patchedBody) = await Transmitter.SendAsync(client, HttpMethod.Patch, "/ssf/v1/stream", token,
            MgmtConformance.Read(Folder, "http-13-update-stream-patch-request.body.json", id), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Stream for Receiver B using events type_2, type_3, type_4", patchedBody!["description"]!.GetValue<string>());
        Assert.Equal("https://receiver.example.com/events", patchedBody["delivery"]!["endpoint_url"]!.GetValue<string>());

        var (replaced, replacedBody) = await Transmitter.SendAsync(client, HttpMethod.Put, "/ssf/v1/stream", token,
            MgmtConformance.Read(Folder, "http-15-replace-stream-put-request.body.json", id), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Stream for Receiver C", replacedBody!["description"]!.GetValue<string>());

        var (deleted, _) = await Transmitter.SendAsync(client, HttpMethod.Delete, $"/ssf/v1/stream?stream_id={id}", token, null, timeout.Token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var (gone, _) = await Transmitter.SendAsync(client, HttpMethod.Get, $"/ssf/v1/stream?stream_id={id}", token, null, timeout.Token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task StatusSubjectsAndVerification_ConformanceBodies_AreTaken()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token);
        var (_, created) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/stream", token,
            new JsonObject { ["delivery"] = new JsonObject { ["method"] = "urn:ietf:rfc:8936" } }, timeout.Token);
        var id = created!["stream_id"]!.GetValue<string>();

        var (paused, pausedBody) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/status", token,
            MgmtConformance.Read(Folder, "http-22-update-status-request-with-reason.body.json", id), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal("paused", pausedBody!["status"]!.GetValue<string>());
        var (_, status) = await Transmitter.SendAsync(client, HttpMethod.Get, $"/ssf/v1/status?stream_id={id}", token, null, timeout.Token);
        AssertHasMembersOf(status!.AsObject(), "http-20-get-status-response.body.json");
        Assert.Equal("Disabled by administrator action.", status["reason"]!.GetValue<string>());
        var (enabled, _) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/status", token,
            new JsonObject { ["stream_id"] = id, ["status"] = "enabled" }, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        var (added, _) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/subjects:add", token,
            MgmtConformance.Read(Folder, "http-24-add-subject-request.body.json", id), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var (removed, _) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/subjects:remove", token,
            MgmtConformance.Read(Folder, "http-26-remove-subject-request.body.json", id), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);

        var (verify, _) = await Transmitter.SendAsync(client, HttpMethod.Post, "/ssf/v1/verify", token,
            MgmtConformance.Read(Folder, "http-28-verify-request.body.json", id), timeout.Token);
        Assert.Equal(HttpStatusCode.NoContent, verify.StatusCode);
        var (_, polled) = await Transmitter.SendAsync(client, HttpMethod.Post, $"/ssf/v1/poll/{id}", token,
            new JsonObject { ["returnImmediately"] = true }, timeout.Token);
        var set = Assert.Single(polled!["sets"]!.AsObject()).Value!.GetValue<string>();
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(set.Split('.')[1]))!;
        Assert.Equal("VGhpcyBpcyBhbiBleGFtcGxlIHN0YXRlIHZhbHVlLgo=",
            claims["events"]!["https://schemas.openid.net/secevent/ssf/event-type/verification"]!["state"]!.GetValue<string>());
        Assert.Equal(id, claims["sub_id"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_OfAnotherClient_IsNotFound()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();
        var token = await Transmitter.ManagementTokenAsync(client, timeout.Token);

        var (response, _) = await Transmitter.SendAsync(client, HttpMethod.Get, "/ssf/v1/stream?stream_id=f67e39a0a4d34d56b3aa1bc4cff0069f", token, null, timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertHasMembersOf(JsonObject actual, string example)
    {
        foreach (var (name, _) in MgmtConformance.Read(Folder, example))
        {
            Assert.True(actual.ContainsKey(name), $"The response has no {name} (as in {example}).");
        }
    }
}
