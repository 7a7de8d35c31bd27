namespace RealTimeAuth.Server.Sessions;

/// <summary>The created session and its first token, or why none was created.</summary>
public sealed record SessionCreationResult(SessionCreationError Error, SessionState? Session, IssuedToken? Token)
{
    public bool Succeeded => Error == SessionCreationError.None;

    public static SessionCreationResult Fail(SessionCreationError error) => new(error, null, null);
}
