using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// SSF 1.0 §8.1.2–§8.1.4: read and update a stream's status, add and remove subjects, and request a verification
/// event (sent on the stream with the receiver's <c>state</c>). Same authorization as the configuration endpoint.
/// </summary>
internal static class SsfStreamControlApi
{
    private const int MaxStateLength = 1024;

    public static IEndpointRouteBuilder MapSsfStreamControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(string.Empty).WithTags("Shared Signals").RequireAuthorization(SsfRoutes.ManagePolicy).DisableAntiforgery();
        api.MapGet(SsfRoutes.Status, GetStatusAsync).WithName("SsfGetStatus").WithSummary("A stream's status");
        api.MapPost(SsfRoutes.Status, UpdateStatusAsync).WithName("SsfUpdateStatus").WithSummary("Enable, pause or disable a stream");
        api.MapPost(SsfRoutes.AddSubject, (HttpContext context, DevIdpDbContext db, TimeProvider time, CancellationToken token) => ChangeSubjectAsync(context, db, time, removed: false, token))
            .WithName("SsfAddSubject").WithSummary("Add a subject to a stream");
        api.MapPost(SsfRoutes.RemoveSubject, (HttpContext context, DevIdpDbContext db, TimeProvider time, CancellationToken token) => ChangeSubjectAsync(context, db, time, removed: true, token))
            .WithName("SsfRemoveSubject").WithSummary("Remove a subject from a stream");
        api.MapPost(SsfRoutes.Verify, VerifyAsync).WithName("SsfVerify").WithSummary("Send a verification event on a stream");
        return app;
    }

    internal static async Task<Results<Ok<JsonObject>, NotFound<ProblemDetails>>> GetStatusAsync(
        string? stream_id, ClaimsPrincipal user, DevIdpDbContext db, CancellationToken cancellationToken) =>
        stream_id is not null && await SsfStreamApi.FindAsync(db, SsfCaller.ClientId(user), stream_id, cancellationToken) is { } stream
            ? TypedResults.Ok(SsfStreamDocument.Status(stream))
            : SsfStreamApi.NotFound();

    internal static async Task<Results<Ok<JsonObject>, ProblemHttpResult, NotFound<ProblemDetails>>> UpdateStatusAsync(
        HttpContext context, DevIdpDbContext db, SsfDeliverySignal signal, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await SsfRequestBody.ReadAsync(context.Request, cancellationToken) is not { } body
            || SsfRequestBody.String(body, "stream_id") is not { } id || SsfRequestBody.String(body, "status") is not { } status
            || !SsfStatuses.IsStreamStatus(status))
        {
            return SsfStreamApi.BadRequest("The body needs stream_id and status (enabled, paused or disabled).");
        }

        if (await SsfStreamApi.FindAsync(db, SsfCaller.ClientId(context.User), id, cancellationToken) is not { } stream)
        {
            return SsfStreamApi.NotFound();
        }

        stream.Status = status;
        stream.StatusReason = SsfRequestBody.String(body, "reason");
        stream.UpdatedAt = timeProvider.GetUtcNow();
        if (status == SsfStatuses.Disabled)
        {
            // SSF 1.0 §8.1.2: a disabled stream's events are not held for later.
            await db.SsfOutbox.Where(row => row.StreamId == id && row.Status == SsfStatuses.Pending).ExecuteDeleteAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (status == SsfStatuses.Enabled)
        {
            await SsfStreamApi.RetryPendingNowAsync(db, id, stream.UpdatedAt, cancellationToken);
        }

        signal.Notify();
        return TypedResults.Ok(SsfStreamDocument.Status(stream));
    }

    private static async Task<Results<Ok, ProblemHttpResult, NotFound<ProblemDetails>>> ChangeSubjectAsync(
        HttpContext context, DevIdpDbContext db, TimeProvider timeProvider, bool removed, CancellationToken cancellationToken)
    {
        if (await SsfRequestBody.ReadAsync(context.Request, cancellationToken) is not { } body
            || SsfRequestBody.String(body, "stream_id") is not { } id || body["subject"] is not JsonObject subject
            || SsfRequestBody.String(subject, "format") is null)
        {
            return SsfStreamApi.BadRequest("The body needs stream_id and a subject identifier with a format.");
        }

        if (await SsfStreamApi.FindAsync(db, SsfCaller.ClientId(context.User), id, cancellationToken) is null)
        {
            return SsfStreamApi.NotFound();
        }

        var key = SsfSubjectKey.Of(subject);
        var row = await db.SsfSubjects.FirstOrDefaultAsync(row => row.StreamId == id && row.SubjectKey == key, cancellationToken);
        if (row is null)
        {
            row = new SsfSubjectRecord { StreamId = id, SubjectKey = key, Subject = subject.ToJsonString() };
            db.SsfSubjects.Add(row);
        }

        row.Removed = removed;
        row.Verified = body["verified"] is JsonValue verified && verified.TryGetValue<bool>(out var flag) && flag;
        row.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, NotFound<ProblemDetails>>> VerifyAsync(
        HttpContext context, DevIdpDbContext db, SsfEventEmitter emitter, CancellationToken cancellationToken)
    {
        if (await SsfRequestBody.ReadAsync(context.Request, cancellationToken) is not { } body || SsfRequestBody.String(body, "stream_id") is not { } id)
        {
            return SsfStreamApi.BadRequest("The body needs stream_id.");
        }

        var state = SsfRequestBody.String(body, "state");
        if (state is { Length: > MaxStateLength })
        {
            return SsfStreamApi.BadRequest($"state is longer than {MaxStateLength} characters.");
        }

        if (await SsfStreamApi.FindAsync(db, SsfCaller.ClientId(context.User), id, cancellationToken) is null)
        {
            return SsfStreamApi.NotFound();
        }

        // SSF 1.0 §8.1.4.1: the subject of a verification event is the stream.
        var payload = new JsonObject();
        if (state is not null)
        {
            payload["state"] = state;
        }

        await emitter.EmitAsync(SsfEventTypes.Verification, new JsonObject { ["format"] = SubjectFormats.Opaque, ["id"] = id }, payload, cancellationToken, onlyStreamId: id);
        return TypedResults.NoContent();
    }
}
