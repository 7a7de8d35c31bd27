using System.Text.Json;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// Writes a refusal of a limit, or of a request a dependency outage stopped (503), in the shape the endpoint's standard fixes: the OAuth error (RFC 6749 §5.2) on the token
/// endpoint, the RFC 8935 §2.3 error on SET push, a gRPC status (trailers only) on gRPC, ProblemDetails (RFC 9457)
/// elsewhere. Each carries the stable reason code.
/// </summary>
internal static class LimitRefusals
{
    public const string GrpcReasonHeader = "rta-reason";

    public static Task WriteAsync(HttpContext context, RequestFamily family, int status, string reason, string description)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        switch (family)
        {
            case RequestFamily.Live or RequestFamily.Grpc when RequestFamilies.IsGrpc(context.Request):
                // gRPC over HTTP/2 answers 200 with the status in trailers-only headers; 8 is RESOURCE_EXHAUSTED, 14 UNAVAILABLE.
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "application/grpc";
                response.Headers["grpc-status"] = status == StatusCodes.Status503ServiceUnavailable ? "14" : "8";
                response.Headers["grpc-message"] = reason;
                response.Headers[GrpcReasonHeader] = reason;
                return Task.CompletedTask;
            case RequestFamily.Token:
                // RFC 6749 names no rate-limit error; temporarily_unavailable says "overloaded, retry" (§4.1.2.1).
                response.StatusCode = status;
                return response.WriteAsJsonAsync(
                    new Dictionary<string, string>
                    {
                        ["error"] = status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
                            ? "temporarily_unavailable"
                            : "invalid_request",
                        ["error_description"] = $"{reason}: {description}",
                    },
                    JsonSerializerOptions.Web);
            case RequestFamily.Ssf:
                // RFC 8935 has no code for either; the status and Retry-After say it, err keeps the vocabulary's closest.
                response.StatusCode = status;
                return response.WriteAsJsonAsync(
                    new Dictionary<string, string> { ["err"] = "invalid_request", ["description"] = $"{reason}: {description}" },
                    JsonSerializerOptions.Web);
            default:
                return TypedResults.Problem(
                    statusCode: status, title: Title(status),
                    detail: description, extensions: new Dictionary<string, object?> { ["reason"] = reason }).ExecuteAsync(context);
        }
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests => "Too many requests",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        _ => "Request body too large",
    };
}
