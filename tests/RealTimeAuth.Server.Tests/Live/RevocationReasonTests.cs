using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Tests.Live;

public sealed class RevocationReasonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_ChildRevokedWithItsParent_IsAncestorRevoked()
    {
        var parent = TestSessions.Active();
        var child = TestSessions.Revoked(TestSessions.ChildOf(parent), At);
        var cache = CacheWith(TestSessions.Revoked(parent, At), child);

        Assert.Equal(LiveReasons.AncestorRevoked, RevocationReason.For(child, LiveReasons.SessionRevoked, cache));
    }

    [Fact]
    public void For_ChildRevokedWhileParentStaysActive_IsSessionRevoked()
    {
        var parent = TestSessions.Active();
        var child = TestSessions.Revoked(TestSessions.ChildOf(parent), At);
        var cache = CacheWith(parent, child);

        Assert.Equal(LiveReasons.SessionRevoked, RevocationReason.For(child, LiveReasons.SessionRevoked, cache));
    }

    [Fact]
    public void For_AdminRevocation_NamesTheCauseOnTheRevokedSessionAndAncestorOnItsChild()
    {
        var parent = TestSessions.Revoked(TestSessions.Active(), At, "admin-revoked");
        var child = TestSessions.Revoked(TestSessions.ChildOf(parent), At, "admin-revoked");
        var cache = CacheWith(parent, child);

        Assert.Equal("admin-revoked", RevocationReason.For(parent, "admin-revoked", cache));
        Assert.Equal(LiveReasons.AncestorRevoked, RevocationReason.For(child, "admin-revoked", cache));
    }

    [Fact]
    public void For_UserRevocation_ReadsUserRevokedOnEverySession()
    {
        var parent = TestSessions.Active();
        var child = TestSessions.Revoked(TestSessions.ChildOf(parent), At, LiveReasons.UserRevoked);
        var cache = CacheWith(TestSessions.Revoked(parent, At, LiveReasons.UserRevoked), child);

        Assert.Equal(LiveReasons.UserRevoked, RevocationReason.For(child, LiveReasons.UserRevoked, cache));
    }

    private static SessionCache CacheWith(params SessionState[] sessions)
    {
        var cache = new SessionCache();
        cache.Load(sessions);
        return cache;
    }
}
