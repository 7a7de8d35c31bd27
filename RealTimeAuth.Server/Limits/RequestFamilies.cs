using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Server.Limits;

/// <summary>Sorts a request into its <see cref="RequestFamily"/>. Paths are the public surface of docs/architecture.md.</summary>
internal static class RequestFamilies
{
    public const string GrpcAuthorizePath = "/realtimeauth.v1.LiveChannel/Authorize";

    public static RequestFamily Of(HttpRequest request)
    {
        var path = request.Path;
        if (IsGrpc(request))
        {
            return path.Equals(GrpcAuthorizePath, StringComparison.Ordinal) ? RequestFamily.Live : RequestFamily.Grpc;
        }

        if (path.StartsWithSegments("/access/v1", StringComparison.OrdinalIgnoreCase))
        {
            return RequestFamily.AuthZen;
        }

        if (HttpMethods.IsPost(request.Method) && path.Equals(RtaExchangeNames.TokenEndpointPath, StringComparison.OrdinalIgnoreCase))
        {
            return RequestFamily.Token;
        }

        if (HttpMethods.IsPost(request.Method) && path.StartsWithSegments("/live/v1", StringComparison.OrdinalIgnoreCase)
            && path.Value!.EndsWith("/authorize", StringComparison.OrdinalIgnoreCase))
        {
            return RequestFamily.Live;
        }

        if (HttpMethods.IsPost(request.Method) && path.Equals("/ssf/events", StringComparison.OrdinalIgnoreCase))
        {
            return RequestFamily.Ssf;
        }

        if (path.StartsWithSegments("/admin/v1", StringComparison.OrdinalIgnoreCase)
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return IsAdminDocument(request) ? RequestFamily.AdminDocument : RequestFamily.AdminWrite;
        }

        return RequestFamily.Other;
    }

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Policy files and directory imports: <c>POST /admin/v1/policies</c>, <c>…/validate</c>, <c>PUT /admin/v1/directory</c>,
    /// <c>PUT /admin/v1/resources</c>.
    /// </summary>
    private static bool IsAdminDocument(HttpRequest request)
    {
        var path = request.Path.Value!.TrimEnd('/');
        return path.Equals("/admin/v1/policies", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/admin/v1/policies/validate", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/admin/v1/directory", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/admin/v1/resources", StringComparison.OrdinalIgnoreCase);
    }
}
