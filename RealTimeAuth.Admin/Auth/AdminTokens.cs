namespace RealTimeAuth.Admin.Auth;

/// <summary>The signed-in admin's tokens as saved in the authentication session.</summary>
public sealed record AdminTokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);
