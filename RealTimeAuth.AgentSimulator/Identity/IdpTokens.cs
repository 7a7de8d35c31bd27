namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>What the IdP's token endpoint issued. A class, so the token never appears in a <c>ToString()</c>. Never log it.</summary>
internal sealed class IdpTokens(string accessToken, DateTimeOffset expiresAt)
{
    public string AccessToken { get; } = accessToken;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;
}
