using System.Diagnostics;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Lifetimes;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// Every decision goes through here, whatever the transport: one <c>rta.decision</c> span and the
/// decision and denial counters around the <see cref="IAuthorizationDecider"/>. Tags carry ids and
/// outcomes, never the token. Each decision is handed to the decision audit, which never blocks.
/// </summary>
public sealed class SessionAuthorizer(
    IAuthorizationDecider decider, RtaServerTelemetry telemetry, DecisionRecorder? recorder = null, SessionActivity? sessionActivity = null)
{
    public async ValueTask<AuthorizationDecision> AuthorizeAsync(SessionState session, AuthorizationQuery query, CancellationToken cancellationToken)
    {
        using var activity = RtaServerTelemetry.Source.StartActivity("rta.decision");
        activity?.SetTag("rta.session.id", session.Id);
        activity?.SetTag("rta.action", query.Action);
        activity?.SetTag("rta.resource.type", query.ResourceType);

        // A decision keeps the session from going idle; noted in memory, written once per flush interval (ADR 0018).
        sessionActivity?.Touch(session.Id);
        var decision = await decider.DecideAsync(session, query, cancellationToken);
        var outcome = decision.Allowed ? "allow" : "deny";
        activity?.SetTag("rta.decision", outcome);
        activity?.SetTag("rta.decision.reason", decision.Reason);
        activity?.SetTag("rta.policy.version", decision.PolicyVersion);

        var tags = new TagList { { "rta.decision", outcome }, { "rta.decision.reason", decision.Reason } };
        telemetry.Decisions.Add(1, tags);
        if (!decision.Allowed)
        {
            telemetry.Denials.Add(1, tags);
        }

        recorder?.RecordLive(session, query, decision);
        return decision;
    }
}
