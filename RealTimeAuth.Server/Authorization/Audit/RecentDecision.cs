using RealTimeAuth.Policies;
using RealTimeAuth.Server.Authorization.Pdp;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// A recent decision kept for what-if replay: the audited record and what is needed to decide it again, the
/// live channel's query (the session is looked up again) or the AuthZEN request with its subject as the caller gave it.
/// </summary>
public sealed record RecentDecision(DecisionRecord Record, AuthorizationQuery? LiveQuery, DecisionRequest? AuthZenRequest);
