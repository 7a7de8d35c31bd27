namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A session with its security context, delegation chain from the root, children and whole tree.</summary>
public sealed record SessionDetail(
    SessionSummary Session, IReadOnlyDictionary<string, string> Context, IReadOnlyList<SessionSummary> Chain,
    IReadOnlyList<SessionSummary> Children, IReadOnlyList<SessionSummary> Tree);
