using System.Diagnostics;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Faults.Live;

/// <summary>
/// Two replicas whose clocks are 30 s ahead of and 30 s behind true time (60 s apart), agents on true time. Within the
/// documented tolerance (<c>Tokens:ClockSkew</c> 60 s, <c>Binding:ClockSkew</c> 30 s) each accepts the other's tokens and
/// the agents' proofs; a token is refused once it is older than <c>Tokens:FreshnessWindow</c> by the validating
/// replica's clock, so the replica ahead refuses it up to 60 s sooner, never later.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ClockSkewTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    // Short, so the replica ahead sees a token from the one behind expire a few seconds into the test.
    private static readonly TimeSpan FreshnessWindow = TimeSpan.FromSeconds(70);

    private static readonly TimeSpan ExpiryWait = FreshnessWindow - (2 * Skew) + TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ReplicasThirtySecondsEitherSide_AcceptEachOthersTokensAndProofs_RefuseExpiredByOwnClock()
    {
        // The wait for the token to age out on the replica ahead comes on top of the usual bound.
        using var timeout = new CancellationTokenSource(TestTimeouts.Test + ExpiryWait);
        var test = Stopwatch.StartNew();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "clockskew", new Dictionary<string, string?>
        {
            ["Tokens:FreshnessWindow"] = FreshnessWindow.ToString(),
        });
        var ahead = await cluster.StartReplicaAsync(clock: new SkewedClock(Skew));
        var behind = await cluster.StartReplicaAsync(clock: new SkewedClock(-Skew));
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        output.WriteLine($"Replicas ready after {test.Elapsed.TotalSeconds:0.0} s.");

        // Each exchange carries a proof stamped on true time: 30 s old for one replica, 30 s in the future for the other.
        var fromAhead = await ExchangeRequests.IssueAsync(cluster, ahead, userToken, "records:read", timeout.Token);
        var fromBehind = await ExchangeRequests.IssueAsync(cluster, behind, userToken, "records:read", timeout.Token);
        var issuedBehind = Stopwatch.GetTimestamp();

        // A token stamped 60 s in the future of the replica behind: at the edge of Tokens:ClockSkew, accepted.
        AssertAllowed(await LiveCalls.AuthorizeAsync(behind, LiveTransport.Grpc, fromAhead.AccessToken, "read", "records", timeout.Token, fromAhead.Key), "token from the replica ahead, on the replica behind");
        // A token 60 s old for the replica ahead, within its 70 s window: accepted.
        AssertAllowed(await LiveCalls.AuthorizeAsync(ahead, LiveTransport.Grpc, fromBehind.AccessToken, "read", "records", timeout.Token, fromBehind.Key), "token from the replica behind, on the replica ahead");
        AssertAllowed(await LiveCalls.AuthorizeAsync(ahead, LiveTransport.Json, fromAhead.AccessToken, "read", "records", timeout.Token, fromAhead.Key), "plain-HTTP proof on the replica ahead");
        AssertAllowed(await LiveCalls.AuthorizeAsync(behind, LiveTransport.Json, fromBehind.AccessToken, "read", "records", timeout.Token, fromBehind.Key), "plain-HTTP proof on the replica behind");

        output.WriteLine($"Accepted across after {test.Elapsed.TotalSeconds:0.0} s.");

        // The replica ahead ages the token from the one behind 60 s faster: it refuses it when its window closes by its clock.
        LiveAnswer? refused = null;
        Assert.True(
            await Eventually.UntilAsync(
                async () => (refused = await LiveCalls.AuthorizeAsync(ahead, LiveTransport.Grpc, fromBehind.AccessToken, "read", "records", timeout.Token, fromBehind.Key)).Refused,
                ExpiryWait,
                timeout.Token,
                TimeSpan.FromMilliseconds(250)),
            "the replica ahead never refused the aging token");
        var refusedAfter = Stopwatch.GetElapsedTime(issuedBehind);
        Assert.Equal("token-expired", refused!.Reason);
        // Refused no sooner than the window less the replicas' disagreement: a valid token fails early by at most that.
        Assert.True(refusedAfter >= FreshnessWindow - (2 * Skew) - TimeSpan.FromSeconds(1), $"refused after only {refusedAfter.TotalSeconds:0.0} s");
        // Meanwhile the replica behind, by its own clock, still has the token fresh.
        AssertAllowed(await LiveCalls.AuthorizeAsync(behind, LiveTransport.Grpc, fromBehind.AccessToken, "read", "records", timeout.Token, fromBehind.Key), "the same token on its own replica");
        output.WriteLine(
            $"Replicas at +{Skew.TotalSeconds:0} s and -{Skew.TotalSeconds:0} s: tokens and proofs accepted across; a token from the replica behind "
            + $"refused by the one ahead as token-expired {refusedAfter.TotalSeconds:0.0} s after issue (window {FreshnessWindow.TotalSeconds:0} s by its clock).");
    }

    private static void AssertAllowed(LiveAnswer answer, string what) =>
        Assert.True(!answer.Refused && answer.Allowed, $"{what}: {answer}");
}
