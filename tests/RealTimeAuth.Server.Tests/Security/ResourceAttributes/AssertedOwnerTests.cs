using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RealTimeAuth.Policies;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.ResourceAttributes;

/// <summary>
/// An agent on the live channel names the resource it acts on, so what it says about the resource is its own claim
/// (ADR 0017): it cannot make itself the owner of someone else's record by sending <c>owner</c>. The owner the policy
/// trusts is the resource directory's; a trusted PEP (AuthZEN) still states properties as before.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AssertedOwnerTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["records:*"];

    [Fact]
    public async Task GrpcAuthorize_AgentClaimsToOwnAnotherUsersRecord_IsDenied()
    {
        using var records = await OwnedRecords.WriteAsync();
        await using var server = await LiveServer.StartAsync(infrastructure, "res_attack_grpc", records.Settings);
        var agent = await server.CreateSessionAsync(Scopes);

        var claimed = await GrpcAsync(server, agent, Write(OwnedRecords.Theirs, ("owner", OwnedRecords.User)));
        var own = await GrpcAsync(server, agent, Write(OwnedRecords.Mine));
        var unknown = await GrpcAsync(server, agent, Write("rec-nobody", ("owner", OwnedRecords.User)));

        Assert.False(claimed.Decision);
        Assert.Equal(PolicyReasons.NoMatchingRule, claimed.Reason);
        Assert.True(own.Decision);
        Assert.Equal(DecisionReasons.Allowed, own.Reason);
        Assert.False(unknown.Decision);
        Assert.Equal(PolicyReasons.NoMatchingRule, unknown.Reason);
    }

    [Fact]
    public async Task HttpAuthorize_AgentClaimsToOwnAnotherUsersRecord_IsDenied()
    {
        using var records = await OwnedRecords.WriteAsync();
        await using var server = await LiveServer.StartAsync(infrastructure, "res_attack_http", records.Settings);
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        var claimed = await HttpAsync(server, client, agent, WriteJson(OwnedRecords.Theirs, new Dictionary<string, string> { ["owner"] = OwnedRecords.User }));
        var own = await HttpAsync(server, client, agent, WriteJson(OwnedRecords.Mine, properties: null));

        Assert.False(claimed.Decision);
        Assert.Equal(PolicyReasons.NoMatchingRule, claimed.Reason);
        Assert.True(own.Decision);
    }

    [Fact]
    public async Task LiveAuthorize_AgentsPropertiesReachThePolicyOnlyAsAsserted()
    {
        using var records = await OwnedRecords.WriteAsync();
        await using var server = await LiveServer.StartAsync(infrastructure, "res_asserted", records.Settings);
        var agent = await server.CreateSessionAsync(Scopes);

        var draft = await GrpcAsync(server, agent, Request("comment", OwnedRecords.Theirs, ("stage", "draft")));
        var final = await GrpcAsync(server, agent, Request("comment", OwnedRecords.Theirs, ("stage", "final")));

        Assert.True(draft.Decision);
        Assert.False(final.Decision);
    }

    [Fact]
    public async Task AuthZenEvaluation_TrustedPep_KeepsStatingProperties_AndTheDirectoryFillsThem()
    {
        using var records = await OwnedRecords.WriteAsync();
        await using var server = await LiveServer.StartAsync(infrastructure, "res_authzen", records.Settings);
        using var pep = AuthZenServer.Pep(server);

        var statedOwner = await EvaluateAsync(pep, OwnedRecords.Mine, $$"""{"owner":"{{OwnedRecords.User}}"}""");
        var directoryOwner = await EvaluateAsync(pep, OwnedRecords.Mine, properties: null);
        var othersRecord = await EvaluateAsync(pep, OwnedRecords.Theirs, properties: null);
        var pepOverrides = await EvaluateAsync(pep, OwnedRecords.Theirs, $$"""{"owner":"{{OwnedRecords.User}}"}""");

        Assert.True(statedOwner);
        Assert.True(directoryOwner);
        Assert.False(othersRecord);
        Assert.True(pepOverrides);
    }

    private static AuthorizeRequest Write(string id, params (string Key, string Value)[] properties) => Request("write", id, properties);

    private static AuthorizeRequest Request(string action, string id, params (string Key, string Value)[] properties)
    {
        var resource = new Resource { Type = "records", Id = id };
        foreach (var (key, value) in properties)
        {
            resource.Properties[key] = value;
        }

        return new AuthorizeRequest { Action = action, Resource = resource };
    }

    private static string WriteJson(string id, Dictionary<string, string>? properties) =>
        JsonSerializer.Serialize(new LiveAuthorizeRequest { Action = "write", Resource = new LiveResource { Type = "records", Id = id, Properties = properties } });

    private static async Task<AuthorizeResponse> GrpcAsync(LiveServer server, TestAgentSession agent, AuthorizeRequest request) =>
        await server.Client.AuthorizeAsync(request, agent.GrpcHeaders(server.AuthorizeRpcUri), deadline: DateTime.UtcNow + LiveServer.Timeout);

    private static async Task<LiveAuthorizeResponse> HttpAsync(LiveServer server, HttpClient client, TestAgentSession agent, string json)
    {
        using var response = await LiveHttp.PostAuthorizeAsync(server, client, agent, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LiveAuthorizeResponse>())!;
    }

    private static async Task<bool> EvaluateAsync(HttpClient pep, string id, string? properties)
    {
        var resource = properties is null
            ? $$"""{"type":"records","id":"{{id}}"}"""
            : $$"""{"type":"records","id":"{{id}}","properties":{{properties}}}""";
        using var response = await AuthZenServer.PostAsync(pep, "/access/v1/evaluation",
            $$"""{"subject":{"type":"user","id":"{{OwnedRecords.User}}"},"action":{"name":"write"},"resource":{{resource}}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("decision").GetBoolean();
    }
}
