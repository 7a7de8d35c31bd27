using System.Net;
using Grpc.Core;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Server.Tests.Security.Limits;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Callers;

/// <summary>
/// Live authorize (JSON and gRPC) is limited per exchange client of the session the verified token names: two agents
/// of one client on two addresses share the client's budget, an agent of another client does not, and a token sent
/// without its proof spends nothing.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class LiveClientLimitTests(InfrastructureFixture infrastructure)
{
    private const int Burst = CallerLimitServer.Burst;

    [Fact]
    public async Task LiveHttp_TwoAgentsOfOneClientOnTwoAddresses_Is429ClientRateLimitedAndCounted()
    {
        await using var server = await CallerLimitServer.StartAsync(infrastructure, "callers_live_two", "Live");
        using var rejections = new CounterTotal(server.Service<RequestLimitMetrics>().Rejections);
        var first = await server.CreateSessionAsync(["documents:read"]);
        var second = await server.CreateSessionAsync(["documents:read"]);
        var other = await server.CreateSessionAsync(["documents:read"], clientId: "copilot");
        using var firstAddress = CallerLimitServer.From(server, CallerLimitServer.FirstAddress);
        using var secondAddress = CallerLimitServer.From(server, CallerLimitServer.SecondAddress);

        var answers = await CallerLimitServer.SendAsync(Burst - 1, () => LiveHttp.PostAuthorizeAsync(server, firstAddress, first));
        answers.AddRange(await CallerLimitServer.SendAsync(1, () => LiveHttp.PostAuthorizeAsync(server, secondAddress, second)));
        using var refused = await LiveHttp.PostAuthorizeAsync(server, secondAddress, second);
        using var otherClient = await LiveHttp.PostAuthorizeAsync(server, secondAddress, other);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(RequestLimitReasons.ClientRateLimited, await LimitProblems.ProblemReasonAsync(refused, HttpStatusCode.TooManyRequests));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a positive Retry-After.");
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(1, rejections.Value);
    }

    [Fact]
    public async Task LiveHttp_TokenWithoutItsProof_SpendsNothingOfTheClientsBudget()
    {
        await using var server = await CallerLimitServer.StartAsync(infrastructure, "callers_live_proof", "Live");
        var victim = await server.CreateSessionAsync(["documents:read"]);
        using var client = CallerLimitServer.From(server, CallerLimitServer.FirstAddress);

        var unproven = await CallerLimitServer.SendAsync(Burst * 3, () => LiveHttp.PostAuthorizeAsync(server, client, victim, proof: LiveHttp.NoProof));
        var forged = await CallerLimitServer.SendAsync(Burst, () => LiveHttp.PostAuthorizeAsync(server, client, victim, token: new string('A', 171)));
        var genuine = await CallerLimitServer.SendAsync(Burst + 1, () => LiveHttp.PostAuthorizeAsync(server, client, victim));

        Assert.All(unproven.Concat(forged), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.All(genuine.Take(Burst), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, genuine[^1]);
    }

    [Fact]
    public async Task LiveGrpc_OneClientFromTwoAddresses_IsResourceExhaustedWithReasonAndPushback()
    {
        await using var server = await CallerLimitServer.StartAsync(infrastructure, "callers_live_grpc", "Live");
        var first = await server.CreateSessionAsync(["documents:read"]);
        var second = await server.CreateSessionAsync(["documents:read"]);
        var other = await server.CreateSessionAsync(["documents:read"], clientId: "copilot");
        using var firstChannel = CallerLimitServer.GrpcFrom(server, CallerLimitServer.FirstAddress);
        using var secondChannel = CallerLimitServer.GrpcFrom(server, CallerLimitServer.SecondAddress);
        var request = new AuthorizeRequest { Action = "read", Resource = new Resource { Type = "documents", Id = "7" } };
        Task<AuthorizeResponse> AuthorizeAsync(Grpc.Net.Client.GrpcChannel channel, TestAgentSession agent) =>
            new LiveChannel.LiveChannelClient(channel).AuthorizeAsync(
                request, agent.GrpcHeaders(server.AuthorizeRpcUri), deadline: DateTime.UtcNow + LiveServer.Timeout).ResponseAsync;

        for (var i = 0; i < Burst - 1; i++)
        {
            Assert.True((await AuthorizeAsync(firstChannel, first)).Decision);
        }

        Assert.True((await AuthorizeAsync(secondChannel, second)).Decision);
        var refusal = await Assert.ThrowsAsync<RpcException>(() => AuthorizeAsync(secondChannel, second));
        var otherClient = await AuthorizeAsync(secondChannel, other);

        Assert.Equal(StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Equal(RequestLimitReasons.ClientRateLimited, LiveStreams.Reason(refusal));
        Assert.True(long.Parse(refusal.Trailers.GetValue(RateLimitRefusal.RetryPushbackTrailer)!, System.Globalization.CultureInfo.InvariantCulture) >= 1000);
        Assert.True(otherClient.Decision);
    }
}
