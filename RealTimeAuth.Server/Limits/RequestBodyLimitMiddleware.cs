using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// Bounds every request body by its family (<see cref="RequestLimitOptions"/>, SETs by <c>SharedSignals:MaxSetBytes</c>):
/// a declared length beyond the limit is refused before the endpoint runs; a chunked body is cut by Kestrel at the limit,
/// and the refusal it raises while the endpoint reads is answered here. Both are 413 in the endpoint's error shape.
/// gRPC bounds its own messages.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(
    RequestDelegate next, IOptions<RequestLimitOptions> options, IConfiguration configuration, RequestLimitMetrics metrics)
{
    private const long DefaultSetBytes = 64 * 1024;

    private readonly long _setBytes = configuration.GetValue("SharedSignals:MaxSetBytes", DefaultSetBytes);

    public async Task InvokeAsync(HttpContext context)
    {
        var family = RequestFamilies.Of(context.Request);
        if (family == RequestFamily.Grpc || (family == RequestFamily.Live && RequestFamilies.IsGrpc(context.Request)))
        {
            await next(context);
            return;
        }

        var limit = LimitOf(family);
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, family, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context, family, limit);
        }
    }

    private long LimitOf(RequestFamily family) => family switch
    {
        RequestFamily.Ssf => _setBytes,
        RequestFamily.AdminDocument => options.Value.AdminDocumentBytes,
        _ => options.Value.JsonBodyBytes,
    };

    private Task RefuseAsync(HttpContext context, RequestFamily family, long limit)
    {
        metrics.Rejected("body", family);
        return LimitRefusals.WriteAsync(
            context, family, StatusCodes.Status413PayloadTooLarge, RequestLimitReasons.BodyTooLarge, $"The request body is larger than {limit} bytes.");
    }
}
