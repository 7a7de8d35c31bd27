using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Lifetimes;
using RealTimeAuth.Server.Tests.Live;

namespace RealTimeAuth.Server.Tests.Security.SessionLifetimes;

/// <summary>
/// Short lifetimes on a server with a fake clock: absolute 2 min, idle 1 min. The background sweep and flush wait an
/// hour of fake time, so a test runs them itself at the moment it means, on the real database.
/// </summary>
internal static class LifetimeServer
{
    public static readonly TimeSpan Absolute = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(30);

    public static Dictionary<string, string> Settings(TimeSpan? sweepInterval = null) => new()
    {
        ["SessionLifetimes:AbsoluteLifetime"] = Absolute.ToString(),
        ["SessionLifetimes:IdleLifetime"] = Idle.ToString(),
        ["SessionLifetimes:ActivityFlushInterval"] = FlushInterval.ToString(),
        ["SessionLifetimes:ExpirySweepInterval"] = (sweepInterval ?? TimeSpan.FromHours(1)).ToString(),
        // Tokens stay fresh across the minutes a test moves the clock.
        ["Tokens:FreshnessWindow"] = "00:10:00",
        // A superseded key outlives every token it signed: the window, the skew and a schedule pass (ADR 0024).
        ["SigningKeys:RetainAfterSuperseded"] = "00:15:00",
    };

    public static Task<int> SweepAsync(this LiveServer server) =>
        server.Hosted<SessionExpirySweeper>().SweepAsync(CancellationToken.None).WaitAsync(LiveServer.Timeout);

    public static Task<int> FlushActivityAsync(this LiveServer server) =>
        server.Hosted<SessionActivityFlusher>().FlushAsync(CancellationToken.None).WaitAsync(LiveServer.Timeout);

    public static async Task<SessionEntity> RowAsync(this LiveServer server, Guid sessionId)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RtaDbContext>().Sessions.AsNoTracking()
            .SingleAsync(row => row.Id == sessionId).WaitAsync(LiveServer.Timeout);
    }

    /// <summary>The <c>session.revoked</c> entries of the log whose payload names <paramref name="sessionId"/>.</summary>
    public static async Task<List<EventLogRecord>> RevocationEntriesAsync(this LiveServer server, Guid sessionId)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<RtaDbContext>().EventLog.AsNoTracking()
            .Where(entry => entry.Type == RtaEventTypes.SessionsRevoked)
            .ToListAsync().WaitAsync(LiveServer.Timeout);
        return [.. entries.Where(entry => entry.Payload.Contains(sessionId.ToString(), StringComparison.OrdinalIgnoreCase))];
    }

    public static async Task<SessionCreationResult> CreateAsync(this LiveServer server, NewSessionRequest request)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCreator>().CreateAsync(request, "test", CancellationToken.None)
            .WaitAsync(LiveServer.Timeout);
    }

    private static T Hosted<T>(this LiveServer server) =>
        server.Factory.Services.GetServices<IHostedService>().OfType<T>().Single();
}
