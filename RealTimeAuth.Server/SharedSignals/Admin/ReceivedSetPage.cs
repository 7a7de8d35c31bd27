namespace RealTimeAuth.Server.SharedSignals.Admin;

public sealed record ReceivedSetPage(IReadOnlyList<ReceivedSetSummary> Items, int Total);
