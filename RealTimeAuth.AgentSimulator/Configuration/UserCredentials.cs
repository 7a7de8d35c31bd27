namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>A user who signs in at the identity provider. A class, so the password never appears in a <c>ToString()</c>.</summary>
public sealed class UserCredentials
{
    public string Email { get; set; } = string.Empty;

    /// <summary>From user secrets, the environment or, in Development, appsettings.Development.json. Never logged.</summary>
    public string Password { get; set; } = string.Empty;

    public bool IsComplete => !string.IsNullOrWhiteSpace(Email) && !string.IsNullOrEmpty(Password);
}
