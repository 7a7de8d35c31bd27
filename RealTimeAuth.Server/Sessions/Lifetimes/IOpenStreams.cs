namespace RealTimeAuth.Server.Sessions.Lifetimes;

/// <summary>
/// The sessions with a live stream open on this replica: a session with a stream is never idle. A port the Live module
/// implements, so the activity flush can ask without depending on it.
/// </summary>
public interface IOpenStreams
{
    IReadOnlyCollection<Guid> SessionsWithOpenStreams();
}
