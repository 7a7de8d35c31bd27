using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Binding;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The live channel for clients without gRPC: a Server-Sent Events stream of the same messages and a
/// JSON authorize call. Both take <c>Authorization: RTA &lt;token&gt;</c> and never a token in the URL, and a
/// <c>DPoP</c> proof of the session's key on every request (RFC 9449), with a server nonce on authorize when configured.
/// </summary>
public static class LiveApi
{
    public const string Transport = "sse";
    public const string EventsPath = "/live/v1/events";
    public const string AuthorizePath = "/live/v1/authorize";

    /// <summary>The base path of one session's endpoints; <c>/events</c> and <c>/authorize</c> follow.</summary>
    public static string SessionPath(Guid sessionId) => $"/live/v1/sessions/{sessionId:D}";
    private const string LastEventIdHeader = "Last-Event-ID";

    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder app)
    {
        // The RTA token is checked by each handler against the live session state, not by an ASP.NET Core scheme.
        var group = app.MapGroup("/live/v1").WithTags("Live channel").AllowAnonymous();

        group.MapGet("/events", StreamEvents)
            .WithName("LiveEvents")
            .WithSummary("Server-Sent Events of the session's token refreshes, revocation and heartbeats; honours Last-Event-ID.");

        group.MapPost("/authorize", AuthorizeAsync)
            .WithName("LiveAuthorize")
            .WithSummary("Is the session allowed to perform an action on a resource now?");

        // The same, bound to a named session: a token of any other session is refused (token-wrong-session).
        group.MapGet("/sessions/{sessionId:guid}/events", StreamEvents)
            .WithName("LiveSessionEvents")
            .WithSummary("Server-Sent Events of the named session; its own token only.");

        group.MapPost("/sessions/{sessionId:guid}/authorize", AuthorizeAsync)
            .WithName("LiveSessionAuthorize")
            .WithSummary("Authorize for the named session; its own token only.");

        return app;
    }

    internal static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> StreamEvents(
        HttpContext httpContext, [AsParameters] LiveApiServices services, Guid? sessionId)
    {
        var header = httpContext.Request.Headers.Authorization.ToString();
        var result = await services.Validator.ValidateAuthorizationHeaderAsync(header, sessionId, httpContext.RequestAborted);
        if (!LiveAdmission.AdmitsStream(result))
        {
            return LiveProblems.Refused(httpContext.Response, result.Status);
        }

        var lastEventId = httpContext.Request.Headers[LastEventIdHeader].ToString();
        ulong resumeAfter = 0;
        if (lastEventId.Length > 0 && !ulong.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out resumeAfter))
        {
            return LiveProblems.BadRequest("Last-Event-ID must be the sequence of an earlier event.", "last-event-id-invalid");
        }

        // Checked before the stream is registered: a refused attempt leaves the session's stream untouched.
        var proof = await services.Proofs.CheckAsync(result.Session!, ProofOf(httpContext.Request), httpContext.Request, ProofUse.SseStream, header);
        if (!proof.IsValid)
        {
            return LiveProblems.ProofRefused(httpContext.Response, proof);
        }

        var start = LiveAdmission.Start(resumeAfter, result, header);
        return TypedResults.ServerSentEvents(EventsAsync(httpContext, services, result.Session!, start, httpContext.RequestAborted));
    }

    internal static async Task<Results<Ok<LiveAuthorizeResponse>, ProblemHttpResult, RateLimitRefusal>> AuthorizeAsync(
        HttpContext httpContext, [AsParameters] LiveApiServices services, Guid? sessionId, CancellationToken cancellationToken)
    {
        // RFC 9449 §8: the nonce for the next proof rides on every answer, success or error.
        var requireNonce = services.Proofs.RequireNonce;
        var nonce = requireNonce ? services.Proofs.CurrentNonce : null;
        if (nonce is not null)
        {
            httpContext.Response.Headers[RtaBindingNames.NonceHeader] = nonce;
        }

        var header = httpContext.Request.Headers.Authorization.ToString();
        var result = await services.Validator.ValidateAuthorizationHeaderAsync(header, sessionId, cancellationToken);
        if (!result.IsValid)
        {
            return LiveProblems.Refused(httpContext.Response, result.Status);
        }

        var proof = await services.Proofs.CheckAsync(
            result.Session!, ProofOf(httpContext.Request), httpContext.Request, ProofUse.HttpAuthorize, header, requireNonce);
        if (!proof.IsValid)
        {
            return LiveProblems.ProofRefused(httpContext.Response, proof, nonce);
        }

        // Only a verified token with its proof spends its session's client's budget.
        if (services.Limits.TryAcquire(CallerLimit.Live, result.Session!.ClientId) is { } limited)
        {
            return limited;
        }

        if (!httpContext.Request.HasJsonContentType())
        {
            return LiveProblems.UnsupportedMediaType("The body must be application/json.", "content-type-not-json");
        }

        LiveAuthorizeRequest? request;
        try
        {
            request = await httpContext.Request.ReadFromJsonAsync<LiveAuthorizeRequest>(JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return LiveProblems.BadRequest("The body is not a valid authorize request.", "request-malformed");
        }

        if (request is not { Action: { Length: > 0 } action, Resource.Type: { Length: > 0 } resourceType })
        {
            return LiveProblems.BadRequest("The request needs an action and a resource type.", "request-incomplete");
        }

        if (LiveRequestLimits.Check(request) is { } refused)
        {
            return LiveProblems.BadRequest(refused.Detail, refused.Reason);
        }

        var query = new AuthorizationQuery
        {
            Action = action,
            ResourceType = resourceType,
            ResourceId = request.Resource.Id,
            ResourceProperties = request.Resource.Properties ?? [],
            Context = request.Context ?? [],
        };
        var decision = await services.Authorizer.AuthorizeAsync(result.Session!, query, cancellationToken);
        return TypedResults.Ok(new LiveAuthorizeResponse(decision.Allowed, decision.Reason, decision.PolicyVersion));
    }

    /// <summary>The single <c>DPoP</c> header; several are refused as a missing proof would be (RFC 9449 §4.3 item 1).</summary>
    private static string? ProofOf(HttpRequest request) =>
        request.Headers[RtaBindingNames.ProofHeader] is { Count: 1 } values ? values[0] : null;

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        HttpContext httpContext, LiveApiServices services, SessionState session, LiveStreamStart start,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = services.Hub.Connect(session.Id, Transport);
        await services.Supersession.OpenedAsync(connection);
        // A dropped stream has no status to report once events flow: the response is aborted and the
        // client reconnects with Last-Event-ID.
        using var abortOnDrop = connection.Dropped.Register(httpContext.Abort);
        using var deadline = new WriteDeadline(connection, services.Options.Value.WriteTimeout, services.Time);
        try
        {
            await foreach (var message in services.Pump.RunAsync(connection, start, cancellationToken))
            {
                // The next item is asked for once this one is written: the time in between is the write.
                deadline.Arm();
                yield return LiveEventJson.ToItem(message);
                deadline.Disarm();
            }
        }
        finally
        {
            services.Drops.Report(connection);
        }
    }
}
