namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>One server log entry at Warning or above: level (<c>warn</c>, <c>fail</c>, <c>crit</c>), category, event id and its text.</summary>
internal sealed record ServerLogEntry(string Level, string Category, string EventId, string Text)
{
    public string Key => $"{Level}: {Category}[{EventId}]";
}
