using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Tests.Live;

namespace RealTimeAuth.Server.Tests.Sessions;

/// <summary>The cache's per-user index (user-wide revocations) and the eviction of long-revoked sessions.</summary>
public sealed class SessionCacheIndexTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch.AddDays(1);

    [Fact]
    public void ActiveOf_FindsOnlyThatUsersActiveSessionsAtThatIssuer()
    {
        var cache = new SessionCache();
        var alice = TestSessions.Active();
        var aliceChild = TestSessions.ChildOf(alice);
        var aliceRevoked = TestSessions.Revoked(TestSessions.Active(), At);
        var bob = TestSessions.Active() with { Subject = "bob" };
        var aliceElsewhere = TestSessions.Active() with { Issuer = "https://other-idp.test" };
        foreach (var session in new[] { alice, aliceChild, aliceRevoked, bob, aliceElsewhere })
        {
            Created(cache, session);
        }

        var found = cache.ActiveOf(alice.Issuer, alice.Subject).Select(session => session.Id).Order().ToArray();

        Assert.Equal(new[] { alice.Id, aliceChild.Id }.Order().ToArray(), found);
        Assert.True(cache.HasActive(alice.Issuer, alice.Subject));
        Assert.False(cache.HasActive("https://nobody.test", alice.Subject));
    }

    [Fact]
    public void ActiveOf_SessionRevokedAfterItWasIndexed_IsNotFound()
    {
        var cache = new SessionCache();
        var alice = TestSessions.Active();
        Created(cache, alice);

        cache.Apply(new SessionChange(SessionChangeKind.Revoked, TestSessions.Revoked(alice, At), 2, At, "r", null));

        Assert.Empty(cache.ActiveOf(alice.Issuer, alice.Subject));
        Assert.False(cache.HasActive(alice.Issuer, alice.Subject));
    }

    [Fact]
    public void EvictRevokedBefore_DropsOnlyLongRevokedSessionsAndTheirIndexEntries()
    {
        var cache = new SessionCache();
        var parent = TestSessions.Active();
        var child = TestSessions.ChildOf(parent);
        var recent = TestSessions.Active();
        var active = TestSessions.Active();
        foreach (var session in new[] { parent, child, recent, active })
        {
            Created(cache, session);
        }

        cache.Apply(new SessionChange(SessionChangeKind.Revoked, TestSessions.Revoked(parent, At), 2, At, "r", null));
        cache.Apply(new SessionChange(SessionChangeKind.Revoked, TestSessions.Revoked(child, At), 2, At, "r", null));
        cache.Apply(new SessionChange(SessionChangeKind.Revoked, TestSessions.Revoked(recent, At.AddHours(2)), 3, At, "r", null));

        var evicted = cache.EvictRevokedBefore(At.AddHours(1));

        Assert.Equal(2, evicted);
        Assert.Null(cache.Find(parent.Id));
        Assert.Null(cache.Find(child.Id));
        Assert.Empty(cache.ChildrenOf(parent.Id));
        Assert.NotNull(cache.Find(recent.Id));
        Assert.Equal([active.Id], cache.ActiveOf(active.Issuer, active.Subject).Select(session => session.Id));
        Assert.Equal(0, cache.EvictRevokedBefore(At.AddHours(1)));
    }

    [Fact]
    public void EvictRevokedBefore_ASessionEvictedAndSeenAgain_IsIndexedAgain()
    {
        var cache = new SessionCache();
        var alice = TestSessions.Active();
        Created(cache, alice);
        cache.Apply(new SessionChange(SessionChangeKind.Revoked, TestSessions.Revoked(alice, At), 2, At, "r", null));
        cache.EvictRevokedBefore(At.AddHours(1));

        // A replica reloading from its snapshot may hold it again; the index follows.
        Created(cache, alice);

        Assert.Equal([alice.Id], cache.ActiveOf(alice.Issuer, alice.Subject).Select(session => session.Id));
    }

    private static void Created(SessionCache cache, SessionState session) =>
        cache.Apply(new SessionChange(SessionChangeKind.Created, session, 1, At, null, null));
}
