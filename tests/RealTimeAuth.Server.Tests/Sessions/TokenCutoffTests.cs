using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Tests.Live;

namespace RealTimeAuth.Server.Tests.Sessions;

/// <summary>How a session's retired tokens are held: which sequences a cutoff refuses, and what survives a row reload.</summary>
public sealed class TokenCutoffTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch.AddHours(1);

    [Fact]
    public void Cutoff_RefusesOlderSequencesFromItsTimeOnly()
    {
        var session = TestSessions.Active().WithTokenCutoff(new TokenCutoff(5, At));

        Assert.False(session.IsTokenRetired(4, At.AddTicks(-1)));
        Assert.True(session.IsTokenRetired(4, At));
        Assert.False(session.IsTokenRetired(5, At.AddHours(1)));
    }

    [Fact]
    public void NewerCutoff_DoesNotGiveTheOlderTokensBackTheirGrace()
    {
        var session = TestSessions.Active()
            .WithTokenCutoff(new TokenCutoff(5, At))
            .WithTokenCutoff(new TokenCutoff(7, At.AddMinutes(3)));

        Assert.True(session.IsTokenRetired(4, At.AddMinutes(1)));
        Assert.False(session.IsTokenRetired(6, At.AddMinutes(1)));
        Assert.True(session.IsTokenRetired(6, At.AddMinutes(3)));
    }

    [Fact]
    public void OlderOrEqualCutoff_ChangesNothing()
    {
        var session = TestSessions.Active().WithTokenCutoff(new TokenCutoff(5, At));

        Assert.Same(session, session.WithTokenCutoff(new TokenCutoff(5, At.AddHours(1))));
        Assert.Same(session, session.WithTokenCutoff(new TokenCutoff(3, At)));
    }

    [Fact]
    public void Cache_KeepsTheCutoffWhenTheSessionIsReloadedFromItsRow()
    {
        var cache = new SessionCache();
        var session = TestSessions.Active();
        cache.Apply(new SessionChange(SessionChangeKind.Created, session, 1, At, null, null));
        cache.RetireTokens(session.Id, new TokenCutoff(5, At));

        // A context change re-reads the row, which holds no cutoff.
        cache.Apply(new SessionChange(SessionChangeKind.ContextChanged, session with { UpdatedAt = At }, 2, At, null, null));

        Assert.Equal(new TokenCutoff(5, At), cache.Find(session.Id)?.TokenCutoff);
    }

    [Fact]
    public void Cache_RetiringASessionNotHeld_HoldsNothing()
    {
        var cache = new SessionCache();
        var id = Guid.NewGuid();

        cache.RetireTokens(id, new TokenCutoff(5, At));

        Assert.Null(cache.Find(id));
    }
}
