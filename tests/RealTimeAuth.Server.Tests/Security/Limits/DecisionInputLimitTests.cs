using System.Net;
using System.Text.Json;
using Grpc.Core;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Authorization.Limits;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Limits;

/// <summary>
/// A caller sends decision requests with fields the audit could not store; every edge refuses them with 400 (or gRPC
/// InvalidArgument) and a stable reason before any decision is taken, on a real Kestrel server.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DecisionInputLimitTests(InfrastructureFixture infrastructure)
{
    private static readonly string LongAction = new('a', DecisionInputLimits.MaxActionLength + 1);
    private static readonly string LongResourceId = new('r', DecisionInputLimits.MaxResourceIdLength + 1);

    public static TheoryData<string, string, string> Oversized => new()
    {
        { Evaluation(action: LongAction), DecisionInputReasons.FieldTooLong, "action" },
        { Evaluation(resourceId: LongResourceId), DecisionInputReasons.FieldTooLong, "resource.id" },
        { Evaluation(resourceType: new string('t', 257)), DecisionInputReasons.FieldTooLong, "resource.type" },
        { Evaluation(subjectId: new string('s', 513)), DecisionInputReasons.FieldTooLong, "subject.id" },
        { Evaluation(resourceProperties: Properties(65, 1)), DecisionInputReasons.TooManyProperties, "resource.properties" },
        { Evaluation(resourceProperties: Properties(1, 4097)), DecisionInputReasons.FieldTooLong, "resource.properties.p0" },
        { Evaluation(action: "read\u0000"), DecisionInputReasons.FieldContainsNul, "action" },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task AuthZenEvaluation_FieldBeyondItsLimit_Is400WithReasonAndNothingAudited(string body, string reason, string field)
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_authzen_fields", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var client = AuthZenServer.Pep(server);

        using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluation", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await LimitProblems.JsonAsync(response);
        Assert.Equal(reason, LimitProblems.Text(problem, "reason"));
        Assert.Equal(field, LimitProblems.Text(problem, "field"));
        Assert.Empty(server.Service<RecentDecisionRing>().Snapshot());
    }

    [Fact]
    public async Task AuthZenEvaluations_OneItemBeyondItsLimit_Is400NamingTheItem()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_authzen_batch", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var client = AuthZenServer.Pep(server);
        var body = JsonSerializer.Serialize(new
        {
            subject = new { type = "user", id = "alice" },
            resource = new { type = "todo", id = "1" },
            evaluations = new[] { new { action = new { name = "can_read_todos" } }, new { action = new { name = LongAction } } },
        });

        using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluations", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await LimitProblems.JsonAsync(response);
        Assert.Equal(DecisionInputReasons.FieldTooLong, LimitProblems.Text(problem, "reason"));
        Assert.Equal("evaluations[1].action", LimitProblems.Text(problem, "field"));
    }

    [Fact]
    public async Task AuthZenEvaluations_MoreItemsThanTheCap_Is400TooManyEvaluations()
    {
        var settings = new Dictionary<string, string>(AuthZenServer.Settings(PolicyFiles.TodoPolicy)) { ["AuthZen:MaxEvaluations"] = "2" };
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_authzen_cap", settings);
        using var client = AuthZenServer.Pep(server);

        using var atCap = await AuthZenServer.PostAsync(client, "/access/v1/evaluations", Batch(2));
        using var pastCap = await AuthZenServer.PostAsync(client, "/access/v1/evaluations", Batch(3));

        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal("too-many-evaluations", await LimitProblems.ProblemReasonAsync(pastCap, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task LiveHttpAuthorize_ActionBeyondItsLimit_Is400FieldTooLong()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_live_http");
        var agent = await server.CreateSessionAsync(["documents:read"]);
        using var client = server.CreateHttpClient();
        var json = JsonSerializer.Serialize(new { action = LongAction, resource = new { type = "documents", id = "7" } });

        using var response = await LiveHttp.PostAuthorizeAsync(server, client, agent, json);

        Assert.Equal(DecisionInputReasons.FieldTooLong, await LimitProblems.ProblemReasonAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task LiveGrpcAuthorize_ResourceIdBeyondItsLimit_IsInvalidArgumentFieldTooLong()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_live_grpc");
        var agent = await server.CreateSessionAsync(["documents:read"]);
        var request = new AuthorizeRequest { Action = "read", Resource = new Resource { Type = "documents", Id = LongResourceId } };

        var refusal = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.AuthorizeAsync(
            request, agent.GrpcHeaders(server.AuthorizeRpcUri), deadline: DateTime.UtcNow + LiveServer.Timeout));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal(DecisionInputReasons.FieldTooLong, LiveStreams.Reason(refusal));
    }

    private static string Evaluation(
        string action = "can_read_todos", string resourceType = "todo", string resourceId = "1", string subjectId = "alice",
        Dictionary<string, string>? resourceProperties = null) =>
        JsonSerializer.Serialize(new
        {
            subject = new { type = "user", id = subjectId },
            action = new { name = action },
            resource = new { type = resourceType, id = resourceId, properties = resourceProperties ?? [] },
        });

    private static string Batch(int count) => JsonSerializer.Serialize(new
    {
        subject = new { type = "user", id = "alice" },
        resource = new { type = "todo", id = "1" },
        evaluations = Enumerable.Range(0, count).Select(_ => new { action = new { name = "can_read_todos" } }),
    });

    private static Dictionary<string, string> Properties(int count, int valueLength) =>
        Enumerable.Range(0, count).ToDictionary(i => $"p{i}", _ => new string('v', valueLength));
}
