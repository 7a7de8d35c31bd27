using System.Collections.Immutable;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// The storable form of a record PostgreSQL refused: every text cut to its column's limit and stripped of U+0000,
/// flagged <see cref="DecisionRecord.Truncated"/>. Who decided what stays readable; only the overflow is lost.
/// </summary>
internal static class DecisionRecordTruncation
{
    private const int ChainEntryMaxLength = 1024;

    public static DecisionRecord Truncate(DecisionRecord record) => record with
    {
        User = Cut(record.User, DecisionAuditEntity.UserMaxLength),
        AgentChain = CutAll(record.AgentChain),
        Action = Cut(record.Action, DecisionAuditEntity.ActionMaxLength),
        ResourceType = Cut(record.ResourceType, DecisionAuditEntity.ResourceTypeMaxLength),
        ResourceId = CutOrNull(record.ResourceId, DecisionAuditEntity.ResourceIdMaxLength),
        PolicyVersion = CutOrNull(record.PolicyVersion, DecisionAuditEntity.PolicyVersionMaxLength),
        Reason = CutOrNull(record.Reason, DecisionAuditEntity.ReasonMaxLength),
        Source = Cut(record.Source, DecisionAuditEntity.SourceMaxLength),
        KeyChain = CutAll(record.KeyChain),
        Truncated = true,
    };

    private static string? CutOrNull(string? text, int max) => text is null ? null : Cut(text, max);

    private static string Cut(string text, int max)
    {
        var clean = text.Replace("\0", string.Empty, StringComparison.Ordinal);
        // Never split a surrogate pair: half a character is not valid UTF-8 either.
        var end = clean.Length <= max ? clean.Length : char.IsHighSurrogate(clean[max - 1]) ? max - 1 : max;
        return WithoutLoneSurrogates(clean[..end]);
    }

    /// <summary>A lone surrogate cannot be encoded as UTF-8; it becomes U+FFFD.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var paired = char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(text[i]);
            if (!paired)
            {
                copy ??= text.ToCharArray();
                copy[i] = '\uFFFD';
            }
            else if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return copy is null ? text : new string(copy);
    }

    private static ImmutableArray<string> CutAll(ImmutableArray<string> texts) =>
        texts.IsDefault ? [] : [.. texts.Select(text => Cut(text, ChainEntryMaxLength))];
}
