namespace RealTimeAuth.Admin.Api;

/// <summary>How a call to the admin API ended, as the pages show it.</summary>
public enum ApiStatus
{
    Ok,

    /// <summary>The thing asked for does not exist (a session id, or a path this server does not serve).</summary>
    NotFound,

    /// <summary>The admin's sign-in is missing or expired.</summary>
    Unauthorized,

    /// <summary>The admin lacks the role.</summary>
    Forbidden,

    /// <summary>Bad input; <see cref="ApiResult{T}.Error"/> says what.</summary>
    Invalid,

    /// <summary>The server failed or could not be reached.</summary>
    Failed,
}
