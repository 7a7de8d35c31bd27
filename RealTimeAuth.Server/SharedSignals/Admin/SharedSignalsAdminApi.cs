using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary><c>/admin/v1/ssf</c>: the streams this server receives on and the SETs it received, for <c>rta-auditor</c> and <c>rta-admin</c>.</summary>
public static class SharedSignalsAdminApi
{
    public static IEndpointRouteBuilder MapSharedSignalsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1/ssf").WithTags("Admin", "Shared Signals").RequireAuthorization(AdminPolicies.Read);
        api.MapGet("/streams", ListStreamsAsync).WithName("ListSsfStreams").WithSummary("Shared Signals streams and their state");
        api.MapGet("/events", ListEventsAsync).WithName("ListReceivedSets").WithSummary("Received security events, newest first, with their effect");
        return app;
    }

    internal static async Task<Ok<List<SsfStreamSummary>>> ListStreamsAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.SsfStreams.AsNoTracking().OrderBy(stream => stream.Issuer).ThenBy(stream => stream.Audience).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(SsfStreamSummary.From).ToList());
    }

    internal static async Task<Results<Ok<ReceivedSetPage>, ValidationProblem>> ListEventsAsync(
        [AsParameters] ReceivedSetQuery query, RtaDbContext db, CancellationToken cancellationToken)
    {
        var skip = query.Skip ?? 0;
        var take = query.Take ?? 50;
        if (take is < 1 or > 500 || skip < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["Take 1 to 500 from skip 0 or more."] });
        }

        var sets = db.ReceivedSets.AsNoTracking();
        if (query.Stream is { } stream)
        {
            sets = sets.Where(set => set.StreamId == stream);
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            sets = sets.Where(set => set.Status == query.Status);
        }

        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            sets = sets.Where(set => set.EventType == query.Type || set.EventType.EndsWith("/" + query.Type));
        }

        if (!string.IsNullOrWhiteSpace(query.Jti))
        {
            sets = sets.Where(set => set.Jti == query.Jti);
        }

        var total = await sets.CountAsync(cancellationToken);
        var rows = await sets.OrderByDescending(set => set.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ReceivedSetPage(rows.Select(ReceivedSetSummary.From).ToList(), total));
    }
}
