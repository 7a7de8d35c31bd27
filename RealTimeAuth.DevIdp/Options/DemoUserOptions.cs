namespace RealTimeAuth.DevIdp.Options;

/// <summary>One demo user of the development identity provider (<c>DevIdp:Users:N</c>).</summary>
public sealed class DemoUserOptions
{
    /// <summary>The stable subject identifier issued as <c>sub</c>.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>The e-mail address, also the login name.</summary>
    public string Email { get; set; } = "";

    /// <summary>The display name issued as <c>name</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The password (<c>DevIdp:Users:N:Password</c>). Development defaults live in
    /// <c>appsettings.Development.json</c>, never in code.
    /// </summary>
    public string Password { get; set; } = "";

    /// <summary>Roles issued as <c>role</c> claims.</summary>
    public List<string> Roles { get; } = [];
}
