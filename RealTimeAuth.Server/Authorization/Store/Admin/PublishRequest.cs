namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>The body of <c>POST /admin/v1/policies/{version}/publish</c>; the reason is required.</summary>
public sealed record PublishRequest(string? Reason);
