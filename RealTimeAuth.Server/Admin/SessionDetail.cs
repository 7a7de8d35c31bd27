namespace RealTimeAuth.Server.Admin;

/// <summary>A session, its security context, its delegation chain from the root, its children and whole tree.</summary>
public sealed record SessionDetail(
    SessionSummary Session,
    IReadOnlyDictionary<string, string> Context,
    IReadOnlyList<SessionSummary> Chain,
    IReadOnlyList<SessionSummary> Children,
    IReadOnlyList<SessionSummary> Tree);
