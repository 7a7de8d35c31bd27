namespace RealTimeAuth.DevIdp.Account;

/// <summary>The fields the login page posts.</summary>
internal sealed class LoginForm
{
    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
