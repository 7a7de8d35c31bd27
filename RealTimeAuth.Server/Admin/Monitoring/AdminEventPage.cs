using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>Event-log entries newest first; <see cref="Next"/> is the <c>after</c> value for the following (older) page.</summary>
public sealed record AdminEventPage(IReadOnlyList<AdminEventEntry> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next);
