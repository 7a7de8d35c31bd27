using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Admin;

/// <summary>
/// <c>/admin/v1</c>: sessions and revocation for the admin console. Reading needs <c>rta-auditor</c>
/// or <c>rta-admin</c>; revoking needs <c>rta-admin</c> and a reason, and is recorded with the admin's identity.
/// </summary>
public static class SessionAdminApi
{
    public static IEndpointRouteBuilder MapSessionAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/v1").WithTags("Admin").RequireAuthorization(AdminPolicies.Read);
        api.MapGet("/sessions", ListSessionsAsync).WithName("ListSessions").WithSummary("Sessions, filtered and paged");
        api.MapGet("/sessions/{id:guid}", GetSessionAsync).WithName("GetSession").WithSummary("One session with its delegation chain and children");
        api.MapPost("/sessions/{id:guid}/revoke", RevokeSessionAsync).WithName("RevokeSession")
            .WithSummary("Revoke a session and its whole subtree").RequireAuthorization(AdminPolicies.Act);
        api.MapPost("/users/revoke", RevokeUserAsync).WithName("RevokeUser")
            .WithSummary("Revoke every session of a user").RequireAuthorization(AdminPolicies.Act);
        return app;
    }

    internal static async Task<Ok<SessionPage>> ListSessionsAsync([AsParameters] SessionQuery query, RtaDbContext db, CancellationToken cancellationToken)
    {
        var sessions = db.Sessions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            sessions = sessions.Where(session => session.Subject == query.User || session.Context.Contains(query.User));
        }

        if (!string.IsNullOrWhiteSpace(query.Agent))
        {
            sessions = sessions.Where(session => session.AgentId.Contains(query.Agent) || session.AgentName.Contains(query.Agent));
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            sessions = sessions.Where(session => session.Status == query.Status);
        }

        if (!string.IsNullOrWhiteSpace(query.Issuer))
        {
            sessions = sessions.Where(session => session.Issuer == query.Issuer);
        }

        var total = await sessions.CountAsync(cancellationToken);
        var rows = await sessions.OrderByDescending(session => session.CreatedAt).Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SessionPage(rows.Select(SessionSummary.From).ToList(), total));
    }

    internal static async Task<Results<Ok<SessionDetail>, NotFound>> GetSessionAsync(Guid id, RtaDbContext db, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        var tree = await db.Sessions.AsNoTracking().Where(row => row.RootId == session.RootId).ToListAsync(cancellationToken);
        var chain = new List<SessionSummary>();
        for (var current = session; current is not null; current = tree.FirstOrDefault(row => row.Id == current.ParentId))
        {
            chain.Insert(0, SessionSummary.From(current));
        }

        return TypedResults.Ok(new SessionDetail(
            SessionSummary.From(session),
            SecurityContextJson.Deserialize(session.Context).Attributes.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
            chain,
            tree.Where(row => row.ParentId == id).Select(SessionSummary.From).ToList(),
            tree.Select(SessionSummary.From).ToList()));
    }

    internal static async Task<Results<Ok<RevocationResponse>, ValidationProblem, NotFound>> RevokeSessionAsync(
        Guid id, RevokeRequest request, ClaimsPrincipal admin, RtaDbContext db, SessionService sessions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return ReasonRequired();
        }

        if (!await db.Sessions.AnyAsync(row => row.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var result = await sessions.RevokeAsync(id, RtaRevocationReasons.AdminRevoked, request.Reason, AdminActor.Of(admin), cancellationToken);
        return TypedResults.Ok(new RevocationResponse(result.RevokedSessionIds, result.EventSequence));
    }

    internal static async Task<Results<Ok<RevocationResponse>, ValidationProblem>> RevokeUserAsync(
        RevokeUserRequest request, ClaimsPrincipal admin, SessionService sessions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return ReasonRequired();
        }

        if (string.IsNullOrWhiteSpace(request.Issuer) || string.IsNullOrWhiteSpace(request.Subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["issuer"] = ["The user's issuer is required."],
                ["subject"] = ["The user's subject is required."],
            });
        }

        var result = await sessions.RevokeUserAsync(request.Issuer, request.Subject, RtaRevocationReasons.UserRevoked, request.Reason, AdminActor.Of(admin), cancellationToken);
        return TypedResults.Ok(new RevocationResponse(result.RevokedSessionIds, result.EventSequence));
    }

    private static ValidationProblem ReasonRequired() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["A reason is required to revoke."] });
}
