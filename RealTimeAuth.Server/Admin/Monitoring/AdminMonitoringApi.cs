using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>
/// <c>/admin/v1/events</c> (the event log, newest first) and <c>/admin/v1/stream</c> (live entries and stats),
/// both readable by <c>rta-admin</c> and <c>rta-auditor</c>.
/// </summary>
public static class AdminMonitoringApi
{
    public static IEndpointRouteBuilder MapAdminMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1").WithTags("Admin").RequireAuthorization(AdminPolicies.Read);
        api.MapGet("/events", ListEventsAsync).WithName("ListAdminEvents").WithSummary("Event-log entries, newest first, filtered and paged");
        api.MapGet("/stream", Stream).WithName("AdminStream").WithSummary("Live event-log entries and stats (Server-Sent Events)");
        return app;
    }

    internal static async Task<Results<Ok<AdminEventPage>, ValidationProblem>> ListEventsAsync(
        [AsParameters] AdminEventQuery query, RtaDbContext db, CancellationToken cancellationToken)
    {
        var entries = db.EventLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            var types = query.Type.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            entries = entries.Where(entry => types.Contains(entry.Type));
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            entries = entries.Where(entry => entry.Actor != null && entry.Actor.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(query.After))
        {
            if (long.TryParse(query.After, NumberStyles.None, CultureInfo.InvariantCulture, out var before))
            {
                entries = entries.Where(entry => entry.Sequence < before);
            }
            else if (DateTimeOffset.TryParse(query.After, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            {
                var sinceUtc = since.ToUniversalTime();
                entries = entries.Where(entry => entry.OccurredAt >= sinceUtc);
            }
            else
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["after"] = ["Give the 'next' value of a previous page or an ISO 8601 time."],
                });
            }
        }

        var take = query.Take;
        var rows = await entries.OrderByDescending(entry => entry.Sequence).Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).Select(AdminEventMapper.From).ToList();
        var next = rows.Count > take ? page[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new AdminEventPage(page, next));
    }

    internal static AdminStreamResult Stream(AdminEventFeed feed) => new(feed);
}
