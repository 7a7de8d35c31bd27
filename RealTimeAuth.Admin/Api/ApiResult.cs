namespace RealTimeAuth.Admin.Api;

/// <summary>A value or a readable reason why there is none; pages render each status, nothing throws.</summary>
public sealed record ApiResult<T>(ApiStatus Status, T? Value, string? Error)
{
    public bool IsOk => Status == ApiStatus.Ok;

    public static ApiResult<T> Ok(T value) => new(ApiStatus.Ok, value, null);

    public static ApiResult<T> Fail(ApiStatus status, string error) => new(status, default, error);
}
