using System.Diagnostics;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Faults.Live;

/// <summary>
/// Two replicas whose clocks are 30 s ahead of and 30 s behind true time (60 s apart), agents on true time. Within the
/// documented tolerance (<c>Tokens:ClockSkew</c> 60 s, <c>Binding:ClockSkew</c> 30 s) each accepts the other's tokens and
/// the agents' proofs; a token is refused once it is older than <c>Tokens:FreshnessWindow</c> by the validating
/// replica's clock, so the replica ahead refuses it up to 60 s sooner, never later. The first signing key, made by whichever
/// replica starts first, signs at once on both (ADR 0024), and a rotation while the clocks disagree never yields a token
/// the other replica refuses.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ClockSkewTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    // Short, so the replica ahead sees a token from the one behind expire 20 s into the test: long enough for the checks
    // before it on a loaded machine, short enough to wait for.
    private static readonly TimeSpan FreshnessWindow = TimeSpan.FromSeconds(80);

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
        // A token stamped 60 s in the future of the replica behind: at the edge of Tokens:ClockSkew, accepted.
        AssertAllowed(await AuthorizeOnceKnownAsync(behind, LiveTransport.Grpc, fromAhead, timeout.Token), "token from the replica ahead, on the replica behind");
        AssertAllowed(await LiveCalls.AuthorizeAsync(ahead, LiveTransport.Json, fromAhead.AccessToken, "read", "records", timeout.Token, fromAhead.Key), "plain-HTTP proof on the replica ahead");

        // Taken before the exchange, so it is no later than the token's issue time.
        var issuedBehind = Stopwatch.GetTimestamp();
        var fromBehind = await ExchangeRequests.IssueAsync(cluster, behind, userToken, "records:read", timeout.Token);
        // A token 60 s old for the replica ahead, within its 80 s window: accepted.
        AssertAllowed(await AuthorizeOnceKnownAsync(ahead, LiveTransport.Grpc, fromBehind, timeout.Token), "token from the replica behind, on the replica ahead");
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

    [Fact]
    public async Task RotationWhileReplicasDisagree_NeitherReplicaRefusesTheOthersTokens()
    {
        // The schedule scaled down so rotations come every few seconds: replicas ±3 s (Tokens:ClockSkew 6 s), a successor
        // created as soon as the active key is a second old and published 8 s (6 s + Replica:MaxStaleness 2 s) before it signs.
        var skew = TimeSpan.FromSeconds(3);
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "clockskew_rotation", new Dictionary<string, string?>
        {
            ["Tokens:ClockSkew"] = (2 * skew).ToString(),
            ["SigningKeys:RotationInterval"] = "00:00:01",
            ["SigningKeys:ActivationDelay"] = "00:00:08",
            ["SigningKeys:CheckInterval"] = "00:00:00.500",
        });
        ServerHost[] replicas = [await cluster.StartReplicaAsync(clock: new SkewedClock(skew)), await cluster.StartReplicaAsync(clock: new SkewedClock(-skew))];
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        var keysSigned = replicas.ToDictionary(replica => replica.Name, _ => new List<ushort>());
        var round = 0;

        // Each round one replica issues a token and the other decides with it, until both have signed with two keys or more.
        while (keysSigned.Values.Any(keys => keys.Distinct().Count() < 2))
        {
            var (issuer, verifier) = (replicas[round % 2], replicas[(round + 1) % 2]);
            var issued = await ExchangeRequests.IssueAsync(cluster, issuer, userToken, "records:read", timeout.Token);
            keysSigned[issuer.Name].Add(KeyIdOf(issued.AccessToken!));
            AssertAllowed(
                await AuthorizeOnceKnownAsync(verifier, LiveTransport.Grpc, issued, timeout.Token),
                $"round {round}: a token {issuer.Name} signed with key {KeyIdOf(issued.AccessToken!)}, on {verifier.Name}");
            round++;
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }

        output.WriteLine($"{round} rounds; keys signed: {string.Join("; ", keysSigned.Select(entry => $"{entry.Key} {string.Join(",", entry.Value.Distinct())}"))}.");
    }

    /// <summary>
    /// Authorizes with a token on a replica other than the one that issued it. The session reaches that replica through
    /// the event log a moment after the exchange answered: only that answer, <c>session-unknown</c>, is waited out.
    /// </summary>
    private static async Task<LiveAnswer> AuthorizeOnceKnownAsync(ServerHost server, LiveTransport transport, ExchangeOutcome issued, CancellationToken cancellationToken)
    {
        LiveAnswer? answer = null;
        Assert.True(
            await Eventually.UntilAsync(
                async () => (answer = await LiveCalls.AuthorizeAsync(server, transport, issued.AccessToken, "read", "records", cancellationToken, issued.Key))
                    .Reason != "session-unknown",
                TestTimeouts.Push,
                cancellationToken),
            $"the session never reached {server.Name}");
        return answer!;
    }

    private static ushort KeyIdOf(string token)
    {
        Span<byte> bytes = stackalloc byte[RtaTokenLayout.Length];
        Assert.True(RtaTokenText.TryDecode(token, bytes));
        Assert.True(RtaTokenView.TryCreate(bytes, out var view));
        return view.KeyId;
    }

    private static void AssertAllowed(LiveAnswer answer, string what) =>
        Assert.True(!answer.Refused && answer.Allowed, $"{what}: {answer}");
}
