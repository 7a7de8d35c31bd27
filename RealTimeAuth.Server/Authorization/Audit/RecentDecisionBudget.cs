using RealTimeAuth.Server.Authorization.Limits;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// Bounds what the <see cref="RecentDecisionRing"/> holds per decision: its property maps (resource properties, context,
/// the AuthZEN subject's properties) may have at most <see cref="DecisionInputLimits.MaxProperties"/> entries each and
/// <see cref="DecisionAuditOptions.RecentPropertyChars"/> characters of keys and values together. A decision past that is
/// kept without what it would need to be replayed: what-if skips it, the audit row is unaffected.
/// </summary>
internal static class RecentDecisionBudget
{
    public static RecentDecision Bound(RecentDecision decision, int maxChars)
    {
        var within = decision switch
        {
            { LiveQuery: { } query } => Fits([query.ResourceProperties, query.Context], maxChars),
            { AuthZenRequest: { } request } => Fits([request.Resource.Properties, request.RequestContext, request.Subject.Attributes], maxChars),
            _ => true,
        };
        return within ? decision : decision with { LiveQuery = null, AuthZenRequest = null };
    }

    private static bool Fits(IReadOnlyDictionary<string, string>?[] maps, int maxChars)
    {
        var chars = 0L;
        foreach (var map in maps)
        {
            if (map is null)
            {
                continue;
            }

            if (map.Count > DecisionInputLimits.MaxProperties)
            {
                return false;
            }

            foreach (var (key, value) in map)
            {
                chars += key.Length + (value?.Length ?? 0);
                if (chars > maxChars)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
