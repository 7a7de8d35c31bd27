namespace RealTimeAuth.DevIdp.Users;

/// <summary>A demo user as the rest of the IdP sees it: no password.</summary>
/// <param name="SubjectId">The stable <c>sub</c> value.</param>
/// <param name="Email">The e-mail address, also the login name.</param>
/// <param name="Name">The display name.</param>
/// <param name="Roles">The roles issued as <c>role</c> claims.</param>
public sealed record DemoUser(string SubjectId, string Email, string Name, IReadOnlyList<string> Roles);
