namespace RealTimeAuth.Server.Sessions.Tokens;

/// <summary>The outcome of checking a token against the live session state.</summary>
public readonly record struct SessionTokenResult(SessionTokenStatus Status, SessionState? Session)
{
    public bool IsValid => Status == SessionTokenStatus.Valid;
}
