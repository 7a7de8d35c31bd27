using System.Net;
using RealTimeAuth.Server.AuthZen;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Server.Tests.Security.Limits;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Callers;

/// <summary>
/// <c>/access/v1/*</c> is limited per authenticated PEP: the API-key PEP meets its limit from two addresses, a caller
/// with a wrong key spends nothing of it, and <c>RateLimits:Clients:api-key</c> gives the PEP its own rule.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AuthZenPepLimitTests(InfrastructureFixture infrastructure)
{
    private const int Burst = CallerLimitServer.Burst;

    private const string Evaluation = """
        {"subject":{"type":"user","id":"alice"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}
        """;

    [Fact]
    public async Task AuthZen_OnePepFromTwoAddresses_Is429ClientRateLimitedProblem()
    {
        await using var server = await CallerLimitServer.StartAsync(
            infrastructure, "callers_authzen_two", "AuthZen", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var first = Pep(server, CallerLimitServer.FirstAddress, AuthZenServer.ApiKey);
        using var second = Pep(server, CallerLimitServer.SecondAddress, AuthZenServer.ApiKey);

        var answers = await CallerLimitServer.SendAsync(Burst - 1, () => AuthZenServer.PostAsync(first, "/access/v1/evaluation", Evaluation));
        answers.AddRange(await CallerLimitServer.SendAsync(1, () => AuthZenServer.PostAsync(second, "/access/v1/evaluation", Evaluation)));
        using var refused = await AuthZenServer.PostAsync(second, "/access/v1/evaluation", Evaluation);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(RequestLimitReasons.ClientRateLimited, await LimitProblems.ProblemReasonAsync(refused, HttpStatusCode.TooManyRequests));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a positive Retry-After.");
    }

    [Fact]
    public async Task AuthZen_WrongApiKey_SpendsNothingOfThePepsBudget()
    {
        await using var server = await CallerLimitServer.StartAsync(
            infrastructure, "callers_authzen_spoof", "AuthZen", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var attacker = Pep(server, CallerLimitServer.SecondAddress, "not-the-key");
        using var pep = Pep(server, CallerLimitServer.FirstAddress, AuthZenServer.ApiKey);

        var spoofed = await CallerLimitServer.SendAsync(Burst * 3, () => AuthZenServer.PostAsync(attacker, "/access/v1/evaluation", Evaluation));
        var genuine = await CallerLimitServer.SendAsync(Burst + 1, () => AuthZenServer.PostAsync(pep, "/access/v1/evaluation", Evaluation));

        Assert.All(spoofed, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.All(genuine.Take(Burst), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, genuine[^1]);
    }

    [Fact]
    public async Task AuthZen_OverrideForTheApiKeyPep_TakesItsOwnRule()
    {
        var settings = new Dictionary<string, string>(AuthZenServer.Settings(PolicyFiles.TodoPolicy))
        {
            [$"RateLimits:Clients:{ApiKeyFilter.ApiKeyCaller}:AuthZen:Burst"] = "1",
            [$"RateLimits:Clients:{ApiKeyFilter.ApiKeyCaller}:AuthZen:TokensPerPeriod"] = "1",
            [$"RateLimits:Clients:{ApiKeyFilter.ApiKeyCaller}:AuthZen:Period"] = "01:00:00",
        };
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "callers_authzen_override", settings);
        using var pep = Pep(server, CallerLimitServer.FirstAddress, AuthZenServer.ApiKey);

        var answers = await CallerLimitServer.SendAsync(2, () => AuthZenServer.PostAsync(pep, "/access/v1/evaluation", Evaluation));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    private static HttpClient Pep(LiveServer server, System.Net.IPAddress address, string key)
    {
        var client = CallerLimitServer.From(server, address);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key);
        return client;
    }
}
