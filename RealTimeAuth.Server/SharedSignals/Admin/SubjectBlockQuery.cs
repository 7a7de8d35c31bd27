namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>Filters of <c>GET /admin/v1/blocks</c>: part of the identifier's value, the user's issuer, the setter; paging.</summary>
public sealed record SubjectBlockQuery(string? Value, string? Issuer, string? SetBy, int? Skip, int? Take);
