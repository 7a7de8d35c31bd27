using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Tokens;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Keys;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class KeyRotationTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    // One replica, so no clock skew to allow for: the activation delay need only cover Replica:MaxStaleness (2 s).
    private static readonly Dictionary<string, string> FastRotation = new()
    {
        ["Tokens:ClockSkew"] = "00:00:00",
        ["SigningKeys:RotationInterval"] = "00:00:02",
        ["SigningKeys:ActivationDelay"] = "00:00:02",
        ["SigningKeys:RetainAfterSuperseded"] = "01:00:00",
        ["SigningKeys:CheckInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task Rotation_OnSchedule_NewTokensUseTheNewKeyAndOldTokensStillWork()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "key_rotation", FastRotation);
        var agent = await server.CreateSessionAsync(Scopes);
        var (session, oldToken) = (agent.Session, agent.Token);
        var ring = server.Service<RtaKeyRing>();
        var firstKey = KeyIdOf(oldToken);

        Assert.True(await LiveServer.EventuallyAsync(() => ring.ActiveKeyId is { } active && active != firstKey));
        var refreshed = await RefreshAsync(server, session.Id);
        var oldStillAllowed = await server.Client.AuthorizeAsync(
            LiveAuthorizeTests.Read("documents"), agent.GrpcHeaders(server.AuthorizeRpcUri, oldToken), deadline: DateTime.UtcNow + LiveServer.Timeout);
        var newAllowed = await server.Client.AuthorizeAsync(
            LiveAuthorizeTests.Read("documents"), agent.GrpcHeaders(server.AuthorizeRpcUri, refreshed.Text), deadline: DateTime.UtcNow + LiveServer.Timeout);

        Assert.NotEqual(firstKey, KeyIdOf(refreshed.Text));
        Assert.Contains(ring.Keys, entry => entry.KeyId == KeyIdOf(refreshed.Text));
        Assert.True(oldStillAllowed.Decision);
        Assert.True(newAllowed.Decision);
        Assert.Contains(ring.Keys, entry => entry.KeyId == firstKey);
    }

    private static async Task<IssuedToken> RefreshAsync(LiveServer server, Guid sessionId)
    {
        using var scope = server.Factory.Services.CreateScope();
        var refreshed = await scope.ServiceProvider.GetRequiredService<SessionTokenRefresher>().RefreshTokenAsync(sessionId, CancellationToken.None);
        return refreshed ?? throw new InvalidOperationException("The session is no longer active.");
    }

    private static ushort KeyIdOf(string token)
    {
        Span<byte> bytes = stackalloc byte[RtaTokenLayout.Length];
        Assert.True(RtaTokenText.TryDecode(token, bytes));
        Assert.True(RtaTokenView.TryCreate(bytes, out var view));
        return view.KeyId;
    }
}
