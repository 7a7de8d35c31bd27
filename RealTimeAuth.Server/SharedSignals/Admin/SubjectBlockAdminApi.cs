using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.SharedSignals.Receiving;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>
/// <c>/admin/v1/blocks</c>: the users transmitters blocked, each block with the transmitter that set it (read:
/// <c>rta-auditor</c> or <c>rta-admin</c>), and an admin's lift of any one of them (<c>rta-admin</c>, with a reason,
/// written to the event log with the acting admin). A transmitter lifts only its own blocks (ADR 0020); an admin any.
/// </summary>
public static class SubjectBlockAdminApi
{
    public static IEndpointRouteBuilder MapSubjectBlockAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1/blocks").WithTags("Admin", "Shared Signals").RequireAuthorization(AdminPolicies.Read);
        api.MapGet("/", ListAsync).WithName("ListSubjectBlocks").WithSummary("Users blocked by a transmitter, and which transmitter set each block");
        api.MapPost("/lift", LiftAsync).WithName("LiftSubjectBlock").WithSummary("Lift one block, whoever set it")
            .RequireAuthorization(AdminPolicies.Act);
        return app;
    }

    internal static async Task<Results<Ok<SubjectBlockPage>, ValidationProblem>> ListAsync(
        [AsParameters] SubjectBlockQuery query, RtaDbContext db, CancellationToken cancellationToken)
    {
        var skip = query.Skip ?? 0;
        var take = query.Take ?? 50;
        if (take is < 1 or > 500 || skip < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["Take 1 to 500 from skip 0 or more."] });
        }

        var blocks = db.SubjectStatuses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Value))
        {
            blocks = blocks.Where(row => row.Value.Contains(query.Value));
        }

        if (!string.IsNullOrWhiteSpace(query.Issuer))
        {
            blocks = blocks.Where(row => row.Issuer == query.Issuer);
        }

        if (query.SetBy is not null)
        {
            blocks = blocks.Where(row => row.SetBy == query.SetBy);
        }

        var total = await blocks.CountAsync(cancellationToken);
        var rows = await blocks.OrderByDescending(row => row.UpdatedAt).ThenBy(row => row.Value).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SubjectBlockPage(rows.Select(SubjectBlockSummary.From).ToList(), total));
    }

    internal static async Task<Results<NoContent, ValidationProblem, NotFound>> LiftAsync(
        LiftBlockRequest request, ClaimsPrincipal admin, RtaDbContext db, EventLogWriter events, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Format) || string.IsNullOrWhiteSpace(request.Issuer) || string.IsNullOrWhiteSpace(request.Value))
        {
            errors["identifier"] = ["format, issuer and value name the block, as the list shows them."];
        }

        if (request.SetBy is null)
        {
            errors["setBy"] = ["The transmitter issuer that set the block, as the list shows it (empty for a block of unknown origin)."];
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["A reason is required to lift a block."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);
        var row = await db.SubjectStatuses.FindAsync([request.Format!, request.Issuer!, request.Value!, request.SetBy!], cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        db.SubjectStatuses.Remove(row);
        events.Append(db, SsfEventLogTypes.BlockLifted,
            new BlockLiftedPayload(row.Format, row.Issuer, row.Value, row.SetBy, row.Status, row.Jti, request.Reason!), AdminActor.Of(admin));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
