using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// A replica revokes the sessions it holds, and pushes the revocations, before the rows are written; a write that
/// fails puts them back as their rows say. Another transaction holds the rows locked so the write waits.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class RevokeAheadTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    [Fact]
    public async Task RevokeUser_StreamHearsWhileTheRowsAreLocked_WithTheSequenceOfTheEntryWrittenAfter()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "revoke_ahead");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        using var call = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextOfKindAsync(call, ServerMessage.KindOneofCase.Heartbeat);

        await using var locker = await RowLocker.LockAsync(server, session.Id);
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var revoking = scope.ServiceProvider.GetRequiredService<SessionRevocations>()
            .RevokeUserAsync(session.Issuer, session.Subject, "user-disabled", "from the IdP", "test", CancellationToken.None);

        var revocation = await LiveStreams.NextOfKindAsync(call, ServerMessage.KindOneofCase.Revocation);
        Assert.False(revoking.IsCompleted, "The revocation was pushed only after it was written.");
        Assert.Equal(nameof(SessionStatus.Active), await locker.StatusAsync());
        Assert.Equal("user-disabled", revocation.Revocation.Reason);

        await locker.ReleaseAsync();
        var result = await revoking.WaitAsync(LiveServer.Timeout);
        Assert.Equal([session.Id], result.RevokedSessionIds);
        Assert.Equal(result.EventSequence, revocation.Revocation.EventSequence);
        Assert.True(await LiveStreams.EndsAsync(call));
    }

    [Fact]
    public async Task RevokeSubtree_WriteCancelled_HeldSessionsAreActiveAgainAsTheirRowsSay()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "revoke_ahead_undone");
        var (parent, _) = await server.CreateSessionAsync(Scopes);
        var (child, _) = await server.CreateSessionAsync(Scopes, parent.Id);
        var cache = server.Service<SessionCache>();

        await using (var locker = await RowLocker.LockAsync(server, parent.Id))
        {
            using var cancel = new CancellationTokenSource();
            await using var scope = server.Factory.Services.CreateAsyncScope();
            var revoking = scope.ServiceProvider.GetRequiredService<SessionRevocations>()
                .RevokeAsync(parent.Id, RtaRevocationReasons.AdminRevoked, null, "test", cancel.Token);
            Assert.True(await LiveServer.EventuallyAsync(() => cache.Find(child.Id) is { IsActive: false } && cache.Find(parent.Id) is { IsActive: false }));

            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => revoking.WaitAsync(LiveServer.Timeout));
            await locker.ReleaseAsync();
        }

        Assert.Equal(SessionStatus.Active, cache.Find(parent.Id)?.Status);
        Assert.Equal(SessionStatus.Active, cache.Find(child.Id)?.Status);
        var result = await server.RevokeAsync(parent.Id);
        Assert.Equal(2, result.RevokedSessionIds.Count);
    }

    /// <summary>A transaction holding one session row <c>FOR UPDATE</c>, so a revocation's <c>UPDATE</c> waits.</summary>
    private sealed class RowLocker : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope;
        private readonly RtaDbContext _db;
        private readonly IDbContextTransaction _transaction;
        private readonly Guid _sessionId;

        private RowLocker(AsyncServiceScope scope, RtaDbContext db, IDbContextTransaction transaction, Guid sessionId)
        {
            _scope = scope;
            _db = db;
            _transaction = transaction;
            _sessionId = sessionId;
        }

        public static async Task<RowLocker> LockAsync(LiveServer server, Guid sessionId)
        {
            var scope = server.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
            var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT id FROM sessions WHERE id = {sessionId} FOR UPDATE");
            return new RowLocker(scope, db, transaction, sessionId);
        }

        public Task<string> StatusAsync() =>
            _db.Sessions.AsNoTracking().Where(row => row.Id == _sessionId).Select(row => row.Status).SingleAsync();

        public Task ReleaseAsync() => _transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await _transaction.DisposeAsync();
            await _scope.DisposeAsync();
        }
    }
}
