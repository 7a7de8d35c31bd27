using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// Retires a session's older tokens once its client acknowledged a refreshed one on the stream, after
/// <see cref="LiveChannelOptions.TokenRetirementGrace"/>. A failure is logged and leaves the older tokens valid until
/// they expire, as before binding; the stream goes on.
/// </summary>
internal sealed partial class TokenRetirement(
    IServiceScopeFactory scopeFactory, IOptions<LiveChannelOptions> options, ILogger<TokenRetirement> logger)
{
    public async Task RetireBeforeAsync(Guid sessionId, uint acknowledged)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SessionTokenRetirements>()
                .RetireBeforeAsync(sessionId, acknowledged, options.Value.TokenRetirementGrace, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRetireFailed(logger, sessionId, exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning,
        Message = "Could not retire the older tokens of session {SessionId} ({Error}); they stay valid until they expire")]
    private static partial void LogRetireFailed(ILogger logger, Guid sessionId, string error);
}
