using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RealTimeAuth.DevIdp.Users;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// Development only: make something happen to a demo user and transmit the event, for the simulator and tests.
/// <c>POST /ssf/v1/triggers/{user}/{action}</c> where user is a subject id or e-mail and action is <c>disable</c>,
/// <c>enable</c>, <c>revoke-sessions</c>, <c>risk</c> (<c>{"level":"high"}</c>), <c>device-compliance</c>
/// (<c>{"status":"not-compliant"}</c>) or <c>credential-change</c> (<c>{"changeType":"update","credentialType":"password"}</c>).
/// The subject is <c>iss_sub</c> with this IdP's issuer and the user's <c>sub</c>, as in the access tokens the RTA server exchanges.
/// </summary>
internal static class SsfTriggerApi
{
    private static readonly string[] RiskLevels = ["low", "medium", "high"];

    public static IEndpointRouteBuilder MapSsfTriggerApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(SsfRoutes.Triggers + "/{user}/{action}", TriggerAsync).WithName("SsfTrigger")
            .WithSummary("Development only: change a demo user and transmit the CAEP/RISC event").WithTags("Shared Signals").AllowAnonymous().DisableAntiforgery();
        return app;
    }

    internal static async Task<Results<Accepted<JsonObject>, ProblemHttpResult, NotFound<ProblemDetails>>> TriggerAsync(
        string user, string action, HttpContext context, DemoUserDirectory users, UserAccountStatus accounts, SsfEventEmitter emitter, SsfIssuer issuer,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (users.FindAny(user) is not { } found)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = "No such demo user." });
        }

        var body = await SsfRequestBody.ReadAsync(context.Request, cancellationToken) ?? [];
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        (string Type, JsonObject Payload)? happening = action switch
        {
            "disable" => (SsfEventTypes.AccountDisabled, Optional(new JsonObject(), "reason", SsfRequestBody.String(body, "reason"))),
            "enable" => (SsfEventTypes.AccountEnabled, new JsonObject()),
            "revoke-sessions" => (SsfEventTypes.SessionRevoked, new JsonObject
            {
                ["initiating_entity"] = "admin",
                ["reason_admin"] = new JsonObject { ["en"] = SsfRequestBody.String(body, "reason") ?? "Sessions revoked at the dev IdP" },
                ["event_timestamp"] = timestamp,
            }),
            "risk" when SsfRequestBody.String(body, "level")?.ToLowerInvariant() is { } level && RiskLevels.Contains(level) => (SsfEventTypes.RiskLevelChange,
                Optional(new JsonObject { ["current_level"] = level.ToUpperInvariant(), ["principal"] = "USER", ["event_timestamp"] = timestamp },
                    "risk_reason", SsfRequestBody.String(body, "reason"))),
            "device-compliance" when SsfRequestBody.String(body, "status") is "compliant" or "not-compliant" => (SsfEventTypes.DeviceComplianceChange, new JsonObject
            {
                ["current_status"] = SsfRequestBody.String(body, "status"),
                ["previous_status"] = SsfRequestBody.String(body, "status") == "compliant" ? "not-compliant" : "compliant",
                ["initiating_entity"] = "policy",
                ["event_timestamp"] = timestamp,
            }),
            "credential-change" => (SsfEventTypes.CredentialChange, new JsonObject
            {
                ["credential_type"] = SsfRequestBody.String(body, "credentialType") ?? "password",
                ["change_type"] = SsfRequestBody.String(body, "changeType") ?? "update",
                ["initiating_entity"] = "user",
                ["event_timestamp"] = timestamp,
            }),
            _ => null,
        };
        if (happening is not { } change)
        {
            return SsfStreamApi.BadRequest(
                "action must be disable, enable, revoke-sessions, risk {level: low|medium|high}, device-compliance {status: compliant|not-compliant} or credential-change.");
        }

        if (action is "disable" or "enable")
        {
            await accounts.SetDisabledAsync(found.SubjectId, action == "disable", cancellationToken);
        }

        var subject = new JsonObject { ["format"] = SubjectFormats.IssuerSubject, ["iss"] = issuer.For(context.Request), ["sub"] = found.SubjectId };
        var queued = await emitter.EmitAsync(change.Type, subject, change.Payload, cancellationToken);
        var sets = new JsonArray([.. queued.Select(set => (JsonNode?)new JsonObject { ["streamId"] = set.StreamId, ["jti"] = set.Jti })]);
        return TypedResults.Accepted((string?)null, new JsonObject { ["user"] = found.SubjectId, ["action"] = action, ["eventType"] = change.Type, ["sets"] = sets });
    }

    private static JsonObject Optional(JsonObject payload, string name, string? value)
    {
        if (value is not null)
        {
            payload[name] = value;
        }

        return payload;
    }
}
