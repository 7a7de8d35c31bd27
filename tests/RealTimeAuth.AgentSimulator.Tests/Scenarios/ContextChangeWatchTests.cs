using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Scenarios.Triggers;
using RealTimeAuth.AgentSimulator.Tests.Fakes;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Tests.Scenarios;

public sealed class ContextChangeWatchTests
{
    private static readonly DateTimeOffset FreshUntil = DateTimeOffset.UnixEpoch;

    [Fact]
    public async Task WaitAsync_EverySessionGotAContextChangedToken_Completes()
    {
        var (team, sessions) = Team();
        using var watch = new ContextChangeWatch(team);

        sessions.ForEach(session => session.Refresh(new RtaTokenRefreshedEventArgs(2, FreshUntil, RtaRefreshReasons.ContextChanged)));

        await watch.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    [Fact]
    public async Task WaitAsync_OneSessionOnlyGotAScheduledToken_TimesOutNamingHowMany()
    {
        var (team, sessions) = Team();
        using var watch = new ContextChangeWatch(team);

        sessions[0].Refresh(new RtaTokenRefreshedEventArgs(2, FreshUntil, RtaRefreshReasons.Scheduled));
        sessions.Skip(1).ToList().ForEach(session => session.Refresh(new RtaTokenRefreshedEventArgs(2, FreshUntil, RtaRefreshReasons.ContextChanged)));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => watch.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None));
        Assert.StartsWith($"1 of {sessions.Count} sessions", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_EndedSession_IsNotWaitedFor()
    {
        var (team, sessions) = Team();
        sessions[1].Revoke(new RtaRevokedEventArgs { Reason = RtaRevocationReasons.AdminRevoked, ReceivedAt = FreshUntil, Pushed = true });
        using var watch = new ContextChangeWatch(team);

        sessions.Where(session => !session.HasEnded).ToList()
            .ForEach(session => session.Refresh(new RtaTokenRefreshedEventArgs(2, FreshUntil, RtaRefreshReasons.ContextChanged)));

        await watch.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    private static (AgentTeam Team, List<FakeAgentSession> Sessions) Team()
    {
        var coPilot = FakeAgentSession.Allowing("copilot");
        var reader = FakeAgentSession.Allowing("reader");
        var writer = FakeAgentSession.Allowing("writer");
        var members = new List<TeamMember>
        {
            new(AgentProfiles.Demo[0], reader, "copilot"),
            new(AgentProfiles.Demo[1], writer, "copilot"),
        };
        return (new AgentTeam("run1", "user@realtimeauth.dev", coPilot, members), [coPilot, reader, writer]);
    }
}
