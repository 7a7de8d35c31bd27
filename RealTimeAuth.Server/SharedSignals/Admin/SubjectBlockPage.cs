namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>One page of blocks and how many match in all.</summary>
public sealed record SubjectBlockPage(IReadOnlyList<SubjectBlockSummary> Items, int Total);
