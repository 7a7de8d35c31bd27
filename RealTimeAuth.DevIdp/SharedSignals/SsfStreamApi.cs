using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// SSF 1.0 §8.1.1 stream configuration: create (POST), read (GET, one by <c>stream_id</c> or all of the caller),
/// update (PATCH), replace (PUT), delete (DELETE). Every call needs a token with scope <c>ssf.manage</c>; a client
/// sees and changes only its own streams, and another client's stream is answered 404.
/// </summary>
internal static class SsfStreamApi
{
    public static IEndpointRouteBuilder MapSsfStreamApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty).WithTags("Shared Signals").RequireAuthorization(SsfRoutes.ManagePolicy).DisableAntiforgery();
        api.MapPost(SsfRoutes.Stream, CreateAsync).WithName("SsfCreateStream").WithSummary("Create a stream");
        api.MapGet(SsfRoutes.Stream, ReadAsync).WithName("SsfReadStream").WithSummary("Read one stream, or all of the caller's");
        api.MapPatch(SsfRoutes.Stream, (HttpContext context, DevIdpDbContext db, CancellationToken token) => UpdateAsync(context, db, replace: false, token))
            .WithName("SsfUpdateStream").WithSummary("Update a stream's receiver-supplied properties");
        api.MapPut(SsfRoutes.Stream, (HttpContext context, DevIdpDbContext db, CancellationToken token) => UpdateAsync(context, db, replace: true, token))
            .WithName("SsfReplaceStream").WithSummary("Replace a stream's receiver-supplied properties");
        api.MapDelete(SsfRoutes.Stream, DeleteAsync).WithName("SsfDeleteStream").WithSummary("Delete a stream and its queued SETs");
        return app;
    }

    internal static async Task<Results<Created<JsonObject>, ProblemHttpResult>> CreateAsync(
        HttpContext context, DevIdpDbContext db, SsfIssuer issuer, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await SsfRequestBody.ReadAsync(context.Request, cancellationToken) is not { } body)
        {
            return BadRequest("The body must be a JSON object.");
        }

        // SSF 1.0 §8.1.1.1: without delivery the transmitter picks; this one picks poll.
        body["delivery"] ??= new JsonObject { ["method"] = SsfDeliveryMethods.Poll };
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = timeProvider.GetUtcNow();
        var stream = new SsfStreamRecord
        {
            Id = id,
            OwnerClientId = SsfCaller.ClientId(context.User),
            Issuer = issuer.For(context.Request),
            Audience = SsfCaller.ClientId(context.User),
            DeliveryMethod = SsfDeliveryMethods.Push,
            Status = SsfStatuses.Enabled,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (Apply(body, stream, replace: true, issuer.Url(context.Request, $"{SsfRoutes.Poll}/{id}")) is { } error)
        {
            return BadRequest(error);
        }

        db.SsfStreams.Add(stream);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{SsfRoutes.Stream}?stream_id={id}", SsfStreamDocument.From(stream));
    }

    internal static async Task<Results<Ok<JsonNode>, NotFound<ProblemDetails>>> ReadAsync(
        string? stream_id, ClaimsPrincipal user, DevIdpDbContext db, CancellationToken cancellationToken)
    {
        var owner = SsfCaller.ClientId(user);
        if (stream_id is null)
        {
            // SQLite cannot order by DateTimeOffset; a client has few streams.
            var all = await db.SsfStreams.AsNoTracking().Where(row => row.OwnerClientId == owner).ToListAsync(cancellationToken);
            return TypedResults.Ok<JsonNode>(new JsonArray([.. all.OrderBy(row => row.CreatedAt).Select(row => (JsonNode?)SsfStreamDocument.From(row))]));
        }

        var stream = await FindAsync(db, owner, stream_id, cancellationToken);
        return stream is null ? NotFound() : TypedResults.Ok<JsonNode>(SsfStreamDocument.From(stream));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult, NotFound<ProblemDetails>>> UpdateAsync(
        HttpContext context, DevIdpDbContext db, bool replace, CancellationToken cancellationToken)
    {
        if (await SsfRequestBody.ReadAsync(context.Request, cancellationToken) is not { } body || SsfRequestBody.String(body, "stream_id") is not { } id)
        {
            return BadRequest("The body must be a JSON object with stream_id.");
        }

        if (await FindAsync(db, SsfCaller.ClientId(context.User), id, cancellationToken) is not { } stream)
        {
            return NotFound();
        }

        var issuer = context.RequestServices.GetRequiredService<SsfIssuer>();
        if (Apply(body, stream, replace, issuer.Url(context.Request, $"{SsfRoutes.Poll}/{id}")) is { } error)
        {
            return BadRequest(error);
        }

        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        stream.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await RetryPendingNowAsync(db, stream.Id, now, cancellationToken);
        context.RequestServices.GetRequiredService<SsfDeliverySignal>().Notify();
        return TypedResults.Ok(SsfStreamDocument.From(stream));
    }

    internal static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAsync(
        string? stream_id, ClaimsPrincipal user, DevIdpDbContext db, CancellationToken cancellationToken)
    {
        if (stream_id is null || await FindAsync(db, SsfCaller.ClientId(user), stream_id, cancellationToken) is not { } stream)
        {
            return NotFound();
        }

        await db.SsfOutbox.Where(row => row.StreamId == stream.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SsfSubjects.Where(row => row.StreamId == stream.Id).ExecuteDeleteAsync(cancellationToken);
        db.SsfStreams.Remove(stream);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The receiver just reconfigured or re-enabled its stream, a sign that it is back, maybe with a new Authorization
    /// header: its pending SETs are due now, not after a backoff that grew while it was gone (up to
    /// <see cref="SsfTransmitterOptions.PushMaxBackoff"/>), which would hold every newer event behind them.
    /// </summary>
    internal static Task<int> RetryPendingNowAsync(DevIdpDbContext db, string streamId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = now.ToUnixTimeMilliseconds();
        return db.SsfOutbox.Where(row => row.StreamId == streamId && row.Status == SsfStatuses.Pending && row.NextAttemptAt > due)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.NextAttemptAt, due), cancellationToken);
    }

    internal static Task<SsfStreamRecord?> FindAsync(DevIdpDbContext db, string owner, string id, CancellationToken cancellationToken) =>
        db.SsfStreams.FirstOrDefaultAsync(row => row.Id == id && row.OwnerClientId == owner, cancellationToken);

    /// <summary>
    /// Applies the receiver-supplied properties (delivery, events_requested, description). Transmitter-supplied ones
    /// (stream_id, iss, aud, events_supported, events_delivered) are ignored as SSF 1.0 §8.1.1 says. PUT clears what it omits.
    /// </summary>
    private static string? Apply(JsonObject body, SsfStreamRecord stream, bool replace, string pollUrl)
    {
        if (body["delivery"] is JsonObject delivery)
        {
            var method = SsfRequestBody.String(delivery, "method");
            if (method is not (SsfDeliveryMethods.Push or SsfDeliveryMethods.Poll))
            {
                return $"delivery.method must be {SsfDeliveryMethods.Push} or {SsfDeliveryMethods.Poll}.";
            }

            if (method == SsfDeliveryMethods.Push)
            {
                var endpoint = SsfRequestBody.String(delivery, "endpoint_url");
                if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    return "Push delivery needs an absolute http(s) delivery.endpoint_url.";
                }

                stream.EndpointUrl = endpoint;
                // SSF 1.0 §6.1.1: authorization_header, given by the receiver, is sent with every push.
                stream.AuthorizationHeader = SsfRequestBody.String(delivery, "authorization_header") ?? (replace ? null : stream.AuthorizationHeader);
            }
            else
            {
                stream.EndpointUrl = pollUrl;
                stream.AuthorizationHeader = null;
            }

            stream.DeliveryMethod = method;
        }
        else if (body.ContainsKey("delivery") || replace)
        {
            return "delivery must be an object with method.";
        }

        if (body.ContainsKey("events_requested") || replace)
        {
            var requested = SsfRequestBody.Strings(body, "events_requested");
            if (requested is null && body.ContainsKey("events_requested"))
            {
                return "events_requested must be an array of strings.";
            }

            stream.EventsRequested = JsonSerializer.Serialize(requested ?? []);
        }

        if (body.ContainsKey("description") || replace)
        {
            stream.Description = SsfRequestBody.String(body, "description");
        }

        return null;
    }

    internal static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    internal static NotFound<ProblemDetails> NotFound() =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = "No such stream for this client." });
}
