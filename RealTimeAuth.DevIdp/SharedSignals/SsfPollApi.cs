using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// RFC 8936 poll delivery: <c>POST /ssf/v1/poll/{streamId}</c> by the stream's owner. Acknowledged jtis are delivered,
/// <c>setErrs</c> are recorded as failed; then up to <c>maxEvents</c> pending SETs are returned. With
/// <c>returnImmediately: false</c> and nothing pending the request waits (at most <c>DevIdp:SharedSignals:MaxPollWait</c>)
/// for a SET. A SET returned but not acknowledged is returned again after <see cref="RedeliverAfter"/>.
/// </summary>
internal static class SsfPollApi
{
    public static readonly TimeSpan RedeliverAfter = TimeSpan.FromSeconds(30);
    private const int DefaultMaxEvents = 100;
    private const int MaxEvents = 1000;

    public static IEndpointRouteBuilder MapSsfPollApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(SsfRoutes.Poll + "/{streamId}", PollAsync).WithName("SsfPoll").WithSummary("RFC 8936 poll for SETs, with acks and errors")
            .WithTags("Shared Signals").RequireAuthorization(SsfRoutes.ManagePolicy).DisableAntiforgery();
        return app;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult, NotFound<ProblemDetails>>> PollAsync(
        string streamId, HttpContext context, DevIdpDbContext db, SsfDeliverySignal signal, IOptions<SsfTransmitterOptions> options,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var body = await SsfRequestBody.ReadAsync(context.Request, cancellationToken) ?? (context.Request.ContentLength is null or 0 ? [] : null);
        if (body is null)
        {
            return SsfStreamApi.BadRequest("The body must be a JSON object (RFC 8936 §2.4).");
        }

        if (await SsfStreamApi.FindAsync(db, SsfCaller.ClientId(context.User), streamId, cancellationToken) is not { } stream
            || stream.DeliveryMethod != SsfDeliveryMethods.Poll)
        {
            return SsfStreamApi.NotFound();
        }

        var maxEvents = body["maxEvents"] is JsonValue max && max.TryGetValue<int>(out var requested) ? Math.Clamp(requested, 0, MaxEvents) : DefaultMaxEvents;
        var returnImmediately = body["returnImmediately"] is JsonValue immediate && immediate.TryGetValue<bool>(out var flag) && flag;
        await AcknowledgeAsync(db, streamId, body, timeProvider, cancellationToken);

        var deadline = timeProvider.GetUtcNow() + options.Value.MaxPollWait;
        while (true)
        {
            var queued = signal.NextNotification;
            var now = timeProvider.GetUtcNow();
            var due = maxEvents == 0 || stream.Status != SsfStatuses.Enabled
                ? []
                : await db.SsfOutbox.Where(row => row.StreamId == streamId && row.Status == SsfStatuses.Pending && row.NextAttemptAt <= now.ToUnixTimeMilliseconds())
                    .OrderBy(row => row.Id).Take(maxEvents + 1).ToListAsync(cancellationToken);
            if (due.Count > 0 || returnImmediately || maxEvents == 0 || now >= deadline)
            {
                var served = due.Take(maxEvents).ToList();
                foreach (var row in served)
                {
                    row.Attempts++;
                    row.NextAttemptAt = (now + RedeliverAfter).ToUnixTimeMilliseconds();
                }

                await db.SaveChangesAsync(cancellationToken);
                var sets = new JsonObject();
                foreach (var row in served)
                {
                    sets[row.Jti] = row.Set;
                }

                return TypedResults.Text(new JsonObject { ["sets"] = sets, ["moreAvailable"] = due.Count > maxEvents }.ToJsonString(), "application/json");
            }

            await SsfDeliverySignal.WaitAsync(queued, deadline - now, cancellationToken);
            await db.Entry(stream).ReloadAsync(cancellationToken);
        }
    }

    private static async Task AcknowledgeAsync(DevIdpDbContext db, string streamId, JsonObject body, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var acks = SsfRequestBody.Strings(body, "ack") ?? [];
        var errors = body["setErrs"] as JsonObject ?? [];
        if (acks.Length == 0 && errors.Count == 0)
        {
            return;
        }

        var jtis = acks.Concat(errors.Select(error => error.Key)).ToList();
        var rows = await db.SsfOutbox.Where(row => row.StreamId == streamId && jtis.Contains(row.Jti)).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var row in rows)
        {
            if (errors[row.Jti] is JsonObject error)
            {
                row.Status = SsfStatuses.Failed;
                row.LastError = $"{SsfRequestBody.String(error, "err")}: {SsfRequestBody.String(error, "description")}";
            }
            else
            {
                row.Status = SsfStatuses.Delivered;
                row.LastError = null;
            }

            row.DeliveredAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
