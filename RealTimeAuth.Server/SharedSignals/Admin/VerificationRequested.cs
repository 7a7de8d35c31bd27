namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>The answer to <c>POST /admin/v1/ssf/streams/{id}/verify</c>: the state the verification event must carry.</summary>
public sealed record VerificationRequested(string State);
