using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.SharedSignals.Client;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>
/// Admin actions on Shared Signals trust (role <c>rta-admin</c>): request a verification event, add a transmitter,
/// remove a stream.
/// </summary>
public static class SsfStreamAdminApi
{
    private const int MinPushAuthorizationLength = 16;

    public static IEndpointRouteBuilder MapSsfStreamAdminApi(this IEndpointRouteBuilder app)
    {
        var act = app.MapGroup("/admin/v1/ssf").WithTags("Admin", "Shared Signals").RequireAuthorization(AdminPolicies.Act);
        act.MapPost("/streams/{id:guid}/verify", VerifyAsync).WithName("VerifySsfStream").WithSummary("Ask the transmitter for a verification event");
        act.MapPost("/streams/{id:guid}/subjects:add", (Guid id, JsonObject subject, SsfStreamManagerAccessor manager, CancellationToken token) =>
            ChangeSubjectAsync(id, subject, add: true, manager, token)).WithName("AddSsfSubject").WithSummary("Add a subject to the stream at its transmitter");
        act.MapPost("/streams/{id:guid}/subjects:remove", (Guid id, JsonObject subject, SsfStreamManagerAccessor manager, CancellationToken token) =>
            ChangeSubjectAsync(id, subject, add: false, manager, token)).WithName("RemoveSsfSubject").WithSummary("Remove a subject from the stream at its transmitter");
        act.MapDelete("/streams/{id:guid}", DeleteAsync).WithName("DeleteSsfStream").WithSummary("Stop trusting a stream (and delete it at its transmitter when managed)");
        act.MapPost("/transmitters", AddTransmitterAsync).WithName("AddSsfTransmitter").WithSummary("Trust a transmitter on a new stream");
        return app;
    }

    internal static async Task<Results<Accepted<VerificationRequested>, NotFound, Conflict<ProblemDetails>, ProblemHttpResult>> VerifyAsync(
        Guid id, RtaDbContext db, SsfStreamManagerAccessor manager, CancellationToken cancellationToken)
    {
        if (await db.SsfStreams.FindAsync([id], cancellationToken) is not { } row)
        {
            return TypedResults.NotFound();
        }

        if (manager.Manager?.Find(id) is null)
        {
            return NotManaged();
        }

        try
        {
            var state = await manager.Manager.RequestVerificationAsync(db, row, cancellationToken);
            return TypedResults.Accepted((string?)null, new VerificationRequested(state));
        }
        catch (SsfTransmitterException exception)
        {
            return TypedResults.Problem($"The transmitter did not take the request: {exception.Message}", statusCode: StatusCodes.Status502BadGateway);
        }
    }

    internal static async Task<Results<NoContent, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> ChangeSubjectAsync(
        Guid id, JsonObject subject, bool add, SsfStreamManagerAccessor manager, CancellationToken cancellationToken)
    {
        if (subject["format"] is not JsonValue format || !format.TryGetValue<string>(out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["The body is a subject identifier with a format (SSF 1.0 §3)."] });
        }

        if (manager.Manager?.Find(id) is null)
        {
            return NotManaged();
        }

        try
        {
            await manager.Manager.ChangeSubjectAsync(id, subject, add, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (SsfTransmitterException exception)
        {
            return TypedResults.Problem($"The transmitter did not take the change: {exception.Message}", statusCode: StatusCodes.Status502BadGateway);
        }
    }

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal admin, RtaDbContext db, EventLogWriter events, SsfStreamManagerAccessor manager, SsfStreamCatalog catalog,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await db.SsfStreams.FindAsync([id], cancellationToken) is not { } row)
        {
            return TypedResults.NotFound();
        }

        try
        {
            if (manager.Manager is { } managed)
            {
                await managed.DeleteAtTransmitterAsync(id, cancellationToken);
            }
        }
        catch (SsfTransmitterException exception)
        {
            return TypedResults.Problem($"The transmitter did not delete the stream: {exception.Message}", statusCode: StatusCodes.Status502BadGateway);
        }

        // Kept, disabled, so its received SETs stay explainable; a disabled stream answers access_denied.
        row.Enabled = false;
        row.TransmitterStatus = SsfStreamStatus.Disabled;
        row.PushAuthorizationHash = null;
        row.UpdatedAt = timeProvider.GetUtcNow();
        await SaveAuditedAsync(db, events, SsfEventLogTypes.TransmitterRemoved, row, admin, cancellationToken);
        await catalog.ReloadAsync(db, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Created<SsfStreamSummary>, ValidationProblem, Conflict<ProblemDetails>>> AddTransmitterAsync(
        AddTransmitterRequest request, ClaimsPrincipal admin, RtaDbContext db, EventLogWriter events, SsfStreamCatalog catalog,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var method = request.DeliveryMethod ?? SsfDeliveryMethods.Push;
        var errors = new Dictionary<string, string[]>();
        if (!IsUrl(request.Issuer))
        {
            errors["issuer"] = ["The transmitter's issuer URL."];
        }

        if (string.IsNullOrWhiteSpace(request.Audience))
        {
            errors["audience"] = ["The audience the transmitter puts in its SETs."];
        }

        if (method is not (SsfDeliveryMethods.Push or SsfDeliveryMethods.Poll))
        {
            errors["deliveryMethod"] = [$"{SsfDeliveryMethods.Push} or {SsfDeliveryMethods.Poll}."];
        }
        else if (method == SsfDeliveryMethods.Push && (request.PushAuthorization?.Length ?? 0) < MinPushAuthorizationLength)
        {
            errors["pushAuthorization"] = [$"The Authorization header the transmitter sends, at least {MinPushAuthorizationLength} characters."];
        }

        if ((request.JwksUri is { } jwks && !IsUrl(jwks)) || (request.MetadataAddress is { } metadata && !IsUrl(metadata))
            || (request.SubjectIssuers?.Any(issuer => !IsUrl(issuer)) ?? false))
        {
            errors["urls"] = ["jwksUri, metadataAddress and subjectIssuers must be absolute URLs."];
        }

        if (request.AllowedClaims?.Select(TransmitterClaims.Problem).OfType<string>().ToArray() is { Length: > 0 } claimProblems)
        {
            errors["allowedClaims"] = claimProblems;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.SsfStreams.AnyAsync(row => row.Issuer == request.Issuer && row.Audience == request.Audience, cancellationToken))
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Exists", Detail = "A stream with this issuer and audience exists." });
        }

        var now = timeProvider.GetUtcNow();
        var row = new SsfStreamEntity
        {
            Id = Guid.CreateVersion7(now),
            Issuer = request.Issuer,
            Audience = request.Audience,
            DeliveryMethod = method,
            TransmitterStreamId = request.StreamId,
            JwksUri = request.JwksUri,
            MetadataAddress = request.MetadataAddress,
            PushAuthorizationHash = request.PushAuthorization is { Length: > 0 } secret ? SsfStreamCatalog.HashAuthorization(secret) : null,
            SubjectIssuers = request.SubjectIssuers is { Count: > 0 } issuers ? [.. issuers] : [request.Issuer],
            AllowedClaims = [.. request.AllowedClaims ?? []],
            Description = request.Description,
            Source = SsfStreamStatus.FromApi,
            TransmitterStatus = SsfStreamStatus.Enabled,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SsfStreams.Add(row);
        await SaveAuditedAsync(db, events, SsfEventLogTypes.TransmitterAdded, row, admin, cancellationToken);
        await catalog.ReloadAsync(db, cancellationToken);
        return TypedResults.Created($"/admin/v1/ssf/streams/{row.Id}", SsfStreamSummary.From(row));
    }

    /// <summary>Saves a change of trust with its event-log entry naming the acting admin, in one transaction.</summary>
    private static async Task SaveAuditedAsync(RtaDbContext db, EventLogWriter events, string type, SsfStreamEntity row, ClaimsPrincipal admin, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);
        events.Append(db, type, new TransmitterChangedPayload(
            row.Id, row.Issuer, row.Audience, row.DeliveryMethod, [.. row.SubjectIssuers], [.. TransmitterClaims.Effective(row.AllowedClaims)]), AdminActor.Of(admin));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static bool IsUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    private static Conflict<ProblemDetails> NotManaged() => TypedResults.Conflict(new ProblemDetails
    {
        Status = 409,
        Title = "Not managed",
        Detail = "This server does not manage the stream at its transmitter (or has not set it up yet).",
    });
}
