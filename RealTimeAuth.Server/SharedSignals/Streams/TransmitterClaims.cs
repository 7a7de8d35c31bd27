using System.Collections.Immutable;
using RealTimeAuth.Server.SharedSignals.Effects;

namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>
/// Which session-context attributes a transmitter's events may change (<c>AllowedClaims</c>, ADR 0020): exact names, or
/// a prefix ending in <c>*</c> (<c>user.claim.*</c>). Unset means the three attributes CAEP defines events for.
/// </summary>
public static class TransmitterClaims
{
    /// <summary>Risk, assurance and device compliance; a token-claims-change or identifier-changed needs an explicit list.</summary>
    public static readonly ImmutableArray<string> Default = [SubjectAttributes.RiskLevel, SubjectAttributes.AssuranceLevel, SubjectAttributes.DeviceCompliant];

    private static readonly string[] Named =
    [
        SubjectAttributes.RiskLevel, SubjectAttributes.AssuranceLevel, SubjectAttributes.DeviceCompliant, SubjectAttributes.Roles,
        SubjectAttributes.Email, SubjectAttributes.Name, SubjectAttributes.PhoneNumber,
    ];

    private const string UserPrefix = "user.";

    /// <summary>The configured list, or <see cref="Default"/> when it is empty.</summary>
    public static ImmutableArray<string> Effective(IEnumerable<string>? configured)
    {
        var list = configured?.Where(entry => !string.IsNullOrWhiteSpace(entry)).Distinct(StringComparer.Ordinal).ToImmutableArray() ?? [];
        return list.IsEmpty ? Default : list;
    }

    public static bool Allows(ImmutableArray<string> allowed, string attribute) =>
        allowed.Any(entry => entry.EndsWith('*') ? attribute.StartsWith(entry[..^1], StringComparison.Ordinal) : entry == attribute);

    /// <summary>Why an entry is not a valid allowed-claims entry, or null.</summary>
    public static string? Problem(string entry)
    {
        var star = entry.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            return star == entry.Length - 1 && entry.StartsWith(UserPrefix, StringComparison.Ordinal)
                ? null
                : $"'{entry}': a pattern is a prefix starting with '{UserPrefix}' and ending in one '*'.";
        }

        return Named.Contains(entry, StringComparer.Ordinal)
            || (entry.StartsWith(SubjectAttributes.ClaimPrefix, StringComparison.Ordinal) && entry.Length > SubjectAttributes.ClaimPrefix.Length)
                ? null
                : $"'{entry}' is not an attribute events set: {string.Join(", ", Named)}, {SubjectAttributes.ClaimPrefix}<name> or a pattern such as {SubjectAttributes.ClaimPrefix}*.";
    }
}
