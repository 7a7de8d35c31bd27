namespace RealTimeAuth.Admin.Api.Models;

/// <summary>The state of a verification request.</summary>
public sealed record VerifyResult(string? State);
