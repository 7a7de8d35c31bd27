namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>The answer of <c>GET /admin/v1/policies</c>: the active version and every version, newest first.</summary>
public sealed record PolicyVersionList(int? ActiveVersion, IReadOnlyList<PolicyVersionSummary> Versions);
