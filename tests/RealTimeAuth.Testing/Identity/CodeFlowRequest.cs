namespace RealTimeAuth.Testing.Identity;

/// <summary>Who signs in, through which client, asking for what.</summary>
public sealed record CodeFlowRequest(
    string ClientId,
    string RedirectUri,
    string Scope,
    string Username,
    string Password,
    string? ClientSecret = null);
