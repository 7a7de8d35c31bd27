using System.Net;
using System.Text.RegularExpressions;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Security;

/// <summary>
/// Runs the server's main paths and the attacks on them with every log level on, then scans everything the process
/// logged, traced and measured: no token, proof, client secret or key may appear, whole or as a long fragment.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed partial class SecretsNeverLoggedTests(InfrastructureFixture infrastructure, DevIdpFixture idp)
{
    private static readonly Dictionary<string, string?> TraceEverything = new(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    };

    [Fact]
    public async Task ExchangeLiveAndAdminPaths_WithAttacks_LeaveNoSecretInLogsSpansOrMetrics()
    {
        using var timeout = TestTimeouts.Start();
        using var capture = new TelemetryCapture { IgnoredCategories = ["OpenIddict", "RealTimeAuth.DevIdp"] };
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "secretscan", TraceEverything);
        var server = await cluster.StartReplicaAsync();
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);
        using var http = server.CreateHttpClient();

        var copilot = await ExchangeRequests.IssueAsync(cluster, server, userToken, "records:read", timeout.Token);
        var agent = await ExchangeRequests.IssueChildAsync(cluster, server, copilot, "records:read", timeout.Token);
        var (first, refusal) = await LiveCalls.OpenStreamAsync(server, agent.AccessToken!, timeout.Token, agent.Key);
        Assert.True(first is not null, $"The agent's stream was refused: {refusal}");
        Assert.True((await LiveCalls.AuthorizeAsync(server, LiveTransport.Json, agent.AccessToken, "read", "records", timeout.Token, agent.Key)).Allowed);
        Assert.True((await LiveCalls.AuthorizeAsync(server, LiveTransport.Grpc, agent.AccessToken, "read", "records", timeout.Token, agent.Key)).Allowed);

        // The attacks: a copied token without proof, a forged token, a replayed proof, a wrong client secret.
        var forged = RtaTokens.Forge(agent.AccessToken!);
        Assert.True((await LiveCalls.AuthorizeAsync(server, LiveTransport.Json, agent.AccessToken, "read", "records", timeout.Token)).Refused);
        Assert.True((await LiveCalls.AuthorizeAsync(server, LiveTransport.Grpc, forged, "read", "records", timeout.Token, agent.Key)).Refused);
        Assert.NotNull(await LiveCalls.OpenEventsAsync(server, agent.AccessToken!, timeout.Token));
        using var attackerKey = ProofKey.Create();
        var replayedProof = attackerKey.ProvePost(ExchangeRequests.TokenEndpoint(http));
        var basic = ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret);
        List<KeyValuePair<string, string>> proofHeader = [new(RtaBindingNames.ProofHeader, replayedProof)];
        var once = await ExchangeRequests.SendAsync(http, new FormUrlEncodedContent(ExchangeRequests.FromUserToken(userToken)), basic, proofHeader, timeout.Token);
        var twice = await ExchangeRequests.SendAsync(http, new FormUrlEncodedContent(ExchangeRequests.FromUserToken(userToken)), basic, proofHeader, timeout.Token);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (once.Status, twice.Status));
        var wrongSecret = await ExchangeRequests.PostAsync(
            http, ExchangeRequests.FromUserToken(userToken), ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret + "x"), timeout.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.Status);
        await AdminApi.RevokeSessionAsync(server, adminToken, copilot.SessionId!, "secret scan", timeout.Token);

        string[] secrets =
        [
            userToken, adminToken, copilot.AccessToken!, agent.AccessToken!, once.AccessToken!, forged, replayedProof,
            cluster.CopilotSecret, cluster.AgentSecret, cluster.EncryptionKey,
        ];
        var texts = capture.Texts;
        Assert.True(texts.Count > 100, $"Only {texts.Count} texts were captured; the capture is not seeing the server.");
        Assert.Contains(texts, item => item.Origin.StartsWith("log RealTimeAuth.Server.", StringComparison.Ordinal));
        Assert.Contains(texts, item => item.Origin.StartsWith("span RealTimeAuth", StringComparison.Ordinal));
        Assert.Contains(texts, item => item.Origin.StartsWith("metric RealTimeAuth", StringComparison.Ordinal));
        var leaks = texts
            .Where(item => secrets.Any(secret => item.Text.Contains(secret, StringComparison.Ordinal)) || LongOpaqueRun().IsMatch(item.Text))
            .Select(item => $"{item.Origin}: {Shorten(item.Text)}")
            .Distinct()
            .ToList();
        Assert.True(leaks.Count == 0, $"Secrets or long opaque strings in telemetry:\n{string.Join('\n', leaks)}");
    }

    // Tokens and proof segments are base64url runs far longer than any identifier the server logs: RTATokens are 171
    // characters, a proof's signature 86, IdP JWT segments longer still; SHA-256 hex digests and GUIDs stay below 80.
    [GeneratedRegex("[A-Za-z0-9_-]{80,}")]
    private static partial Regex LongOpaqueRun();

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
