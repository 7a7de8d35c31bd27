namespace RealTimeAuth.DevIdp.Diagnostics;

/// <summary>The development IdP's log messages, with stable event ids. Never logs a secret or token.</summary>
internal static partial class DevIdpLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Generated development {KeyKind} key {KeyId} at {Path}")]
    public static partial void KeyGenerated(ILogger logger, string keyKind, string keyId, string path);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Loaded {KeyKind} key {KeyId} from {Path}")]
    public static partial void KeyLoaded(ILogger logger, string keyKind, string keyId, string path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Key file {Path} is readable by group or others ({Mode}); restrict it with chmod 600")]
    public static partial void KeyFileTooOpen(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Store ready at {DatabasePath}: {ClientCount} clients, {ScopeCount} scopes")]
    public static partial void StoreSeeded(ILogger logger, string databasePath, int clientCount, int scopeCount);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "User {SubjectId} signed in")]
    public static partial void SignedIn(ILogger logger, string subjectId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Sign-in failed: wrong e-mail or password")]
    public static partial void SignInFailed(ILogger logger);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "User {SubjectId} signed out")]
    public static partial void SignedOut(ILogger logger, string subjectId);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Token request refused: subject {SubjectId} is no longer in the user directory")]
    public static partial void SubjectGone(ILogger logger, string subjectId);
}
