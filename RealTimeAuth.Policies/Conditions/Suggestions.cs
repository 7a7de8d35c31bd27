namespace RealTimeAuth.Policies.Conditions;

/// <summary>"Did you mean" for misspelt names: the closest candidate within two edits.</summary>
internal static class Suggestions
{
    private const int MaxDistance = 2;

    public static string DidYouMean(string name, IEnumerable<string> candidates, string prefix = "")
    {
        var best = candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(name, candidate)))
            .Where(pair => pair.Distance <= MaxDistance)
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Candidate is null ? string.Empty : $" (did you mean '{prefix}{best.Candidate}'?)";
    }

    /// <summary>Levenshtein distance, case-insensitive so that <c>Roles</c> suggests <c>roles</c>.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
