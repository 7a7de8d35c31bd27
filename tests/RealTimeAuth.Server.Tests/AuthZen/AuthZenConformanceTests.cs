using System.Text.Json.Nodes;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.AuthZen;

/// <summary>
/// The AuthZEN Todo interop file over HTTP, judged as the official runner judges it: a single decision must be
/// the expected JSON boolean; a batch's <c>evaluations</c> must serialise to exactly the expected JSON text.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AuthZenConformanceTests(InfrastructureFixture infrastructure)
{
    private static readonly JsonNode Cases = JsonNode.Parse(File.ReadAllText(PolicyFiles.ConformanceFile))!;

    [Fact]
    public async Task Evaluation_AllFortySingleCases_MatchExpectedDecision()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_conformance_single");
        using var client = AuthZenServer.Pep(server);
        var cases = Cases["evaluation"]!.AsArray();
        var failures = new List<string>();

        for (var i = 0; i < cases.Count; i++)
        {
            using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluation", cases[i]!["request"]!.ToJsonString());
            var body = await response.Content.ReadAsStringAsync();
            var decision = response.IsSuccessStatusCode ? JsonNode.Parse(body)?["decision"]?.ToJsonString() : null;
            var expected = cases[i]!["expected"]!.ToJsonString();
            if (decision != expected)
            {
                failures.Add($"evaluation[{i}]: expected {expected}, got {(int)response.StatusCode} {body}");
            }
        }

        Assert.Equal(40, cases.Count);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Evaluations_AllThreeBatchCases_SerialiseExactlyAsExpected()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_conformance_batch");
        using var client = AuthZenServer.Pep(server);
        var cases = Cases["evaluations"]!.AsArray();
        var failures = new List<string>();

        for (var i = 0; i < cases.Count; i++)
        {
            using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluations", cases[i]!["request"]!.ToJsonString());
            var body = await response.Content.ReadAsStringAsync();
            var expected = cases[i]!["expected"]!.ToJsonString();
            var evaluations = response.IsSuccessStatusCode ? JsonNode.Parse(body)?["evaluations"]?.ToJsonString() : null;
            if (evaluations != expected || body != $$"""{"evaluations":{{expected}}}""")
            {
                failures.Add($"evaluations[{i}]: expected {expected}, got {(int)response.StatusCode} {body}");
            }
        }

        Assert.Equal(3, cases.Count);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
