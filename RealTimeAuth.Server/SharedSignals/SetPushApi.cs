using System.Buffers;
using System.Data.Common;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>
/// <c>POST /ssf/events</c>: push delivery of Security Event Tokens (RFC 8935). The transmitter authenticates with the
/// Authorization header configured for its stream; the body is one SET as <c>application/secevent+jwt</c>. A SET
/// that validates is stored before the answer, 202, and applied afterwards; a re-delivered one is answered 202 again
/// and applied once. Every refusal is 400 with the RFC's <c>err</c> code, except a stream past its rate limit (429 with
/// <c>Retry-After</c>, ADR 0019); when this receiver cannot decide right now
/// (transmitter keys unreadable, database down) it answers 503 so the transmitter retries.
/// </summary>
public static class SetPushApi
{
    public const string Path = "/ssf/events";
    public const string MediaType = "application/secevent+jwt";

    public static IEndpointRouteBuilder MapSetPushApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync)
            .WithName("ReceiveSecurityEvent")
            .WithSummary("Receive one Security Event Token by RFC 8935 push delivery")
            .WithTags("Shared Signals")
            .DisableAntiforgery()
            .AllowAnonymous();
        return app;
    }

    internal static async Task<Results<Accepted, SetErrorResult, ProblemHttpResult, RateLimitRefusal>> ReceiveAsync(
        HttpContext context, [AsParameters] SetPushServices services, CallerRateLimiter limits, CancellationToken cancellationToken)
    {
        if (!services.Catalog.IsLoaded)
        {
            return Unavailable(context, "The receiver is starting.");
        }

        // RFC 8935 §2: the recipient authenticates the transmitter before it looks at the SET.
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return new SetErrorResult(SetErrorCodes.AuthenticationFailed, "The request has no Authorization header.");
        }

        var streams = await services.Authenticator.AuthenticateAsync(authorization, cancellationToken);
        if (streams.IsEmpty)
        {
            return new SetErrorResult(SetErrorCodes.AuthenticationFailed, "The Authorization header is not valid for any stream.");
        }

        // Per stream once authenticated (ADR 0019); a header shared by several streams spends the first one's budget.
        var stream = streams.MinBy(candidate => candidate.Id)!;
        if (limits.TryAcquire(CallerLimit.Ssf, "stream:" + stream.Id.ToString("D"), stream.Issuer) is { } limited)
        {
            return limited;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return new SetErrorResult(SetErrorCodes.InvalidRequest, $"The body must be {MediaType}.");
        }

        var maxBytes = services.Options.CurrentValue.MaxSetBytes;
        var body = await ReadBodyAsync(context.Request, maxBytes, cancellationToken);
        if (body is null)
        {
            return new SetErrorResult(SetErrorCodes.InvalidRequest, $"The SET is larger than {maxBytes} bytes, or not ASCII text.");
        }

        try
        {
            var result = await services.Processor.ProcessAsync(body, streams, ReceivedSetStatus.Push, cancellationToken);
            return result.IsAccepted ? TypedResults.Accepted((string?)null) : SetErrorResult.From(result.Rejection!);
        }
        catch (Exception exception) when (exception is TransmitterUnavailableException or DbException or DbUpdateException or TimeoutException)
        {
            return Unavailable(context, exception is TransmitterUnavailableException
                ? "The transmitter's keys cannot be read right now."
                : "The SET cannot be stored right now.");
        }
    }

    /// <summary>The body as text, or null when it is larger than allowed or holds a byte a compact JWS cannot.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }

            var bytes = buffer.AsSpan(0, length);
            return Ascii.IsValid(bytes) ? Encoding.ASCII.GetString(bytes).Trim() : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ProblemHttpResult Unavailable(HttpContext context, string detail)
    {
        context.Response.Headers.RetryAfter = "5";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again later");
    }
}
