using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>
/// An RFC 8935 §2.3 failure response: 400 with <c>application/json</c> <c>{"err","description"}</c>. The RFC answers
/// every error in parsing, validating or authenticating a SET (including its transmitter) with 400, so the codes
/// <c>authentication_failed</c> and <c>access_denied</c> are 400 too; the transmitter reads <c>err</c>.
/// </summary>
public sealed class SetErrorResult(string error, string description)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<SetErrorResponse>
{
    public int? StatusCode => StatusCodes.Status400BadRequest;

    public SetErrorResponse Value { get; } = new(error, description);

    object? IValueHttpResult.Value => Value;

    public static SetErrorResult From(SetRejection rejection) => new(rejection.Error, rejection.Description);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentLanguage = "en";
        return response.WriteAsJsonAsync(Value, httpContext.RequestAborted);
    }
}
