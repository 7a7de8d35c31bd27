using System.Globalization;
using System.Text.Json;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>
/// Turns an event-log row into what the console shows. Payloads differ by type; the fields the console
/// needs (<c>sessionIds</c>, <c>reason</c>, <c>detail</c>, <c>version</c>) are read where present, the rest ignored.
/// </summary>
internal static class AdminEventMapper
{
    public static AdminEventEntry From(EventLogRecord entry)
    {
        var sessionIds = new List<Guid>();
        string? reason = null;
        string? detail = null;
        string? version = null;
        try
        {
            using var document = JsonDocument.Parse(entry.Payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                if (root.TryGetProperty("sessionIds", out var ids) && ids.ValueKind == JsonValueKind.Array)
                {
                    sessionIds.AddRange(ids.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.String && id.TryGetGuid(out _)).Select(id => id.GetGuid()));
                }

                reason = StringOf(root, "reason");
                detail = StringOf(root, "detail");
                version = StringOf(root, "version");
            }
        }
        catch (JsonException)
        {
            // An unreadable payload still shows as an entry of its type.
        }

        detail ??= version is null ? null : $"version {version}";
        return new AdminEventEntry(entry.Sequence, entry.Type, entry.OccurredAt, entry.Actor, sessionIds, reason, detail,
            Summarize(entry.Type, entry.Actor, sessionIds.Count, reason, detail, version));
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string Summarize(string type, string? actor, int sessions, string? reason, string? detail, string? version)
    {
        var what = type switch
        {
            "session.created" => "Session created",
            "session.revoked" => sessions == 1 ? "1 session revoked" : string.Create(CultureInfo.InvariantCulture, $"{sessions} sessions revoked"),
            "session.context_changed" => string.Create(CultureInfo.InvariantCulture, $"Security context changed on {sessions} session(s)"),
            "keys.changed" => "Signing keys changed",
            "policy.published" => $"Policy version {version ?? "?"} published",
            "directory.imported" => "Directory imported",
            "resources.imported" => "Resource directory imported",
            _ => type,
        };
        var by = string.IsNullOrEmpty(actor) ? string.Empty : $" by {actor}";
        var why = (reason, detail) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) when detail != $"version {version}" => $": {reason} ({detail})",
            ({ Length: > 0 }, _) => $": {reason}",
            _ => string.Empty,
        };
        return what + by + why;
    }
}
