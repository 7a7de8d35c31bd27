namespace RealTimeAuth.Server.AuthZen;

/// <summary>Echoes the caller's <c>X-Request-ID</c> on every AuthZEN response (AuthZEN 1.0, section 10.1).</summary>
internal sealed class RequestIdFilter : IEndpointFilter
{
    public const string HeaderName = "X-Request-ID";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Headers.TryGetValue(HeaderName, out var requestId) && !string.IsNullOrEmpty(requestId))
        {
            http.Response.Headers[HeaderName] = requestId;
        }

        return next(context);
    }
}
