using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// A replica applies a revocation from what its event log entry says was written, without reading the rows back;
/// what it then holds must be exactly what the rows say.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class RevokedStateTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    [Fact]
    public async Task RevokeSubtree_CachedStatesEqualTheRows_NamedSessionKeepsItsCauseAndDescendantsReadAncestorRevoked()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "revoked_subtree");
        var (parent, _) = await server.CreateSessionAsync(Scopes);
        var (child, _) = await server.CreateSessionAsync(Scopes, parent.Id);
        var (grandchild, _) = await server.CreateSessionAsync(Scopes, child.Id);

        await server.RevokeAsync(parent.Id, RtaRevocationReasons.AdminRevoked, "lost laptop");

        await AssertCacheMatchesRowsAsync(server, parent.Id, child.Id, grandchild.Id);
        var cache = server.Service<SessionCache>();
        Assert.Equal(RtaRevocationReasons.AdminRevoked, cache.Find(parent.Id)!.RevocationReason);
        Assert.Equal(RtaRevocationReasons.AncestorRevoked, cache.Find(grandchild.Id)!.RevocationReason);
        Assert.Equal("lost laptop", cache.Find(grandchild.Id)!.RevocationDetail);
    }

    [Fact]
    public async Task RevokeUser_CachedStatesEqualTheRows_EverySessionReadsTheCause()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "revoked_user");
        var (parent, _) = await server.CreateSessionAsync(Scopes);
        var (child, _) = await server.CreateSessionAsync(Scopes, parent.Id);

        await using (var scope = server.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionRevocations>()
                .RevokeUserAsync(parent.Issuer, parent.Subject, "user-disabled", "from the IdP", "test", CancellationToken.None)
                .WaitAsync(LiveServer.Timeout);
        }

        await AssertCacheMatchesRowsAsync(server, parent.Id, child.Id);
        Assert.Equal("user-disabled", server.Service<SessionCache>().Find(child.Id)!.RevocationReason);
    }

    private static async Task AssertCacheMatchesRowsAsync(LiveServer server, params Guid[] ids)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var cache = server.Service<SessionCache>();
        foreach (var id in ids)
        {
            var row = (await db.Sessions.AsNoTracking().SingleAsync(session => session.Id == id)).ToState();
            var held = cache.Find(id);
            Assert.NotNull(held);
            Assert.Equal(SessionStatus.Revoked, held.Status);
            Assert.Equal(row.Status, held.Status);
            Assert.Equal(row.RevocationReason, held.RevocationReason);
            Assert.Equal(row.RevocationDetail, held.RevocationDetail);
            Assert.Equal(row.RevokedAt, held.RevokedAt);
            Assert.Equal(row.UpdatedAt, held.UpdatedAt);
        }
    }
}
