using System.Net;
using System.Text.Json.Nodes;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.AuthZen;

/// <summary>AuthZEN search over the directory and the policy, with opaque page tokens.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AuthZenSearchTests(InfrastructureFixture infrastructure)
{
    private const string Rick = "CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";
    private const string Morty = "CiRmZDE2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";
    private const string Summer = "CiRmZDI2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";

    [Fact]
    public async Task SearchSubject_PagesThroughAllowedSubjects_AndRejectsTamperedToken()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_search_subject");
        using var client = AuthZenServer.Pep(server);

        var first = await SearchAsync(client, "subject", SubjectQuery(token: null));
        var token = first["page"]!["next_token"]!.GetValue<string>();
        var second = await SearchAsync(client, "subject", SubjectQuery(token));
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
        using var rejected = await AuthZenServer.PostAsync(client, "/access/v1/search/subject", SubjectQuery(tampered));
        using var otherQuery = await AuthZenServer.PostAsync(client, "/access/v1/search/subject",
            SubjectQuery(token).Replace("can_create_todo", "can_read_todos", StringComparison.Ordinal));

        Assert.Equal([Rick, Morty], Ids(first));
        Assert.NotEqual(string.Empty, token);
        Assert.Equal([Summer], Ids(second));
        Assert.Equal(string.Empty, second["page"]!["next_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherQuery.StatusCode);
    }

    [Fact]
    public async Task SearchActionAndResource_ListOnlyAllowedOnes()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_search_other");
        using var client = AuthZenServer.Pep(server);
        var jerry = "CiRmZDQ2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";

        var actions = await SearchAsync(client, "action", "{\"subject\":{\"type\":\"user\",\"id\":\"" + jerry + "\"},\"resource\":{\"type\":\"todo\",\"id\":\"todo-1\"}}");
        var resources = await SearchAsync(client, "resource", "{\"subject\":{\"type\":\"user\",\"id\":\"" + jerry + "\"},\"action\":{\"name\":\"can_read_todos\"},\"resource\":{\"type\":\"todo\",\"id\":\"todo-9\"}}");
        using var incomplete = await AuthZenServer.PostAsync(client, "/access/v1/search/action", """{"resource":{"type":"todo","id":"1"}}""");

        Assert.Equal(["can_read_todos"], actions["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal(["todo-9"], Ids(resources));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
    }

    private static string SubjectQuery(string? token) =>
        """{"subject":{"type":"user"},"action":{"name":"can_create_todo"},"resource":{"type":"todo","id":"todo-1"},"page":{"limit":2"""
        + (token is null ? string.Empty : ",\"token\":\"" + token + "\"")
        + "}}";

    private static IEnumerable<string> Ids(JsonNode response) => response["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>());

    private static async Task<JsonNode> SearchAsync(HttpClient client, string kind, string body)
    {
        using var response = await AuthZenServer.PostAsync(client, "/access/v1/search/" + kind, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
