namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>Who signs in, through which client, asking for what. A class, so neither secret appears in a <c>ToString()</c>.</summary>
internal sealed class CodeFlowRequest
{
    public required string ClientId { get; init; }

    /// <summary>Null for a public client.</summary>
    public string? ClientSecret { get; init; }

    public required Uri RedirectUri { get; init; }

    public required string Scope { get; init; }

    public required string Email { get; init; }

    public required string Password { get; init; }
}
