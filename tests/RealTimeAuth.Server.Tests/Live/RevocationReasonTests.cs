using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Tests.Live;

public sealed class RevocationReasonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RtaRevocationReasons.AdminRevoked)]
    [InlineData(RtaRevocationReasons.AncestorRevoked)]
    [InlineData(RtaRevocationReasons.UserRevoked)]
    public void For_RevokedSession_ReadsTheReasonRecordedOnItsRow(string recorded)
    {
        var session = TestSessions.Revoked(TestSessions.Active(), At, recorded);

        Assert.Equal(recorded, RevocationReason.For(session));
    }

    [Fact]
    public void For_RevokedSessionWithoutRecordedReason_IsSessionRevoked()
    {
        var session = TestSessions.Active() with { Status = SessionStatus.Revoked, RevokedAt = At, RevocationReason = null };

        Assert.Equal(RtaRevocationReasons.SessionRevoked, RevocationReason.For(session));
    }
}
