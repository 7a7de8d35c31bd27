namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>A headless sign-in failed: the IdP refused, answered unexpectedly, or sent a foreign state.</summary>
public sealed class SignInException(string error, string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The OAuth error code when the IdP sent one (RFC 6749 §4.1.2.1, §5.2), else a simulator code such as <c>invalid_credentials</c>.</summary>
    public string Error { get; } = error;
}
