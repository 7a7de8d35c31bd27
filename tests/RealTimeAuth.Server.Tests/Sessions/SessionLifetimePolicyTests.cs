using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Lifetimes;
using RealTimeAuth.Server.Tests.Live;

namespace RealTimeAuth.Server.Tests.Sessions;

public sealed class SessionLifetimePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly SessionLifetimePolicy _policy = new(Options.Create(new SessionLifetimeOptions
    {
        AbsoluteLifetime = TimeSpan.FromHours(24),
        IdleLifetime = TimeSpan.FromMinutes(30),
    }));

    [Fact]
    public void Apply_RootWithoutClientLifetimes_GetsTheConfiguredDefaults()
    {
        var session = _policy.Apply(New(), Request(), parent: null);

        Assert.Equal((Now.AddHours(24), TimeSpan.FromMinutes(30)), (session.ExpiresAt, session.IdleTimeout));
    }

    [Fact]
    public void Apply_RootOfAClientWithItsOwnLifetimes_GetsTheClients()
    {
        var session = _policy.Apply(New(), Request(TimeSpan.FromHours(72), TimeSpan.FromMinutes(5)), parent: null);

        Assert.Equal((Now.AddHours(72), TimeSpan.FromMinutes(5)), (session.ExpiresAt, session.IdleTimeout));
    }

    [Fact]
    public void Apply_ChildAskingForMoreThanItsParentHasLeft_GetsTheParents()
    {
        var parent = New() with { ExpiresAt = Now.AddMinutes(10), IdleTimeout = TimeSpan.FromMinutes(2) };

        var child = _policy.Apply(New(), Request(TimeSpan.FromDays(30), TimeSpan.FromHours(1)), parent);

        Assert.Equal((Now.AddMinutes(10), TimeSpan.FromMinutes(2)), (child.ExpiresAt, child.IdleTimeout));
    }

    [Fact]
    public void Apply_ChildAskingForLessThanItsParent_KeepsItsOwn()
    {
        var parent = New() with { ExpiresAt = Now.AddHours(20), IdleTimeout = TimeSpan.FromMinutes(30) };

        var child = _policy.Apply(New(), Request(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), parent);

        Assert.Equal((Now.AddHours(1), TimeSpan.FromMinutes(5)), (child.ExpiresAt, child.IdleTimeout));
    }

    [Fact]
    public void Apply_CreationTimeWithTicks_ExpiryKeptToTheMicrosecondPostgreSqlStores()
    {
        var session = _policy.Apply(New() with { CreatedAt = Now.AddTicks(7) }, Request(), parent: null);

        Assert.Equal(Now.AddHours(24), session.ExpiresAt);
    }

    private static SessionState New() => TestSessions.Active() with { CreatedAt = Now, UpdatedAt = Now };

    private static NewSessionRequest Request(TimeSpan? absolute = null, TimeSpan? idle = null) => new()
    {
        Issuer = "https://idp.test",
        Subject = "alice",
        ClientId = "agent",
        Agent = new AgentIdentity("agent-1", "Agent", "agent", null),
        RequestedScopes = ["documents:read"],
        UserContext = SecurityContext.Empty,
        KeyThumbprint = "thumbprint",
        AbsoluteLifetime = absolute,
        IdleLifetime = idle,
    };
}
