namespace RealTimeAuth.Admin.Api.Models;

/// <summary>The session grid's filters.</summary>
public sealed record SessionFilter(string? User = null, string? Agent = null, string? Status = null, string? Issuer = null);
