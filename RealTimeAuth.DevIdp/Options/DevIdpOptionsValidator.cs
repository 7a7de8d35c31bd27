using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Options;

/// <summary>
/// Checks the <c>DevIdp</c> section at start and says which key to set when something is missing.
/// </summary>
internal sealed class DevIdpOptionsValidator : IValidateOptions<DevIdpOptions>
{
    private static readonly HashSet<string> SupportedGrantTypes =
    [
        GrantTypes.AuthorizationCode,
        GrantTypes.RefreshToken,
        GrantTypes.ClientCredentials,
    ];

    public ValidateOptionsResult Validate(string? name, DevIdpOptions options)
    {
        var failures = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.Issuer) && !IsAbsoluteHttpUri(options.Issuer))
        {
            failures.Add("DevIdp:Issuer must be an absolute http(s) URI, or be left empty to use the request's base address.");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("DevIdp:AccessTokenLifetime must be positive (for example 00:15:00).");
        }

        ValidateUsers(options.Users, failures);
        ValidateClients(options.Clients, failures);

        foreach (var uri in options.AdminRedirectUris.Where(uri => !IsAbsoluteHttpUri(uri)))
        {
            failures.Add($"DevIdp:AdminRedirectUris has '{uri}', which is not an absolute http(s) URI.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateUsers(List<DemoUserOptions> users, List<string> failures)
    {
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            if (string.IsNullOrWhiteSpace(user.SubjectId))
            {
                failures.Add($"DevIdp:Users:{i}:SubjectId is empty.");
            }

            if (string.IsNullOrWhiteSpace(user.Email))
            {
                failures.Add($"DevIdp:Users:{i}:Email is empty.");
            }

            if (string.IsNullOrEmpty(user.Password))
            {
                failures.Add($"DevIdp:Users:{i}:Password is not set; set it in appsettings.Development.json or user-secrets.");
            }
        }

        AddDuplicates(users.Select(user => user.SubjectId), "subject id", failures);
        AddDuplicates(users.Select(user => user.Email.ToUpperInvariant()), "e-mail", failures);
    }

    private static void ValidateClients(Dictionary<string, DevIdpClientOptions> clients, List<string> failures)
    {
        foreach (var (clientId, client) in clients)
        {
            foreach (var grantType in client.GrantTypes.Where(grantType => !SupportedGrantTypes.Contains(grantType)))
            {
                failures.Add($"DevIdp:Clients:{clientId}:GrantTypes has '{grantType}'; supported are {string.Join(", ", SupportedGrantTypes)}.");
            }

            switch (client.ClientType)
            {
                case ClientTypes.Confidential when string.IsNullOrEmpty(client.ClientSecret):
                    failures.Add($"DevIdp:Clients:{clientId}:ClientSecret is not set for a confidential client; set it in appsettings.Development.json or user-secrets.");
                    break;
                case ClientTypes.Public when !string.IsNullOrEmpty(client.ClientSecret):
                    failures.Add($"DevIdp:Clients:{clientId} is public but has a ClientSecret; remove it or make the client confidential.");
                    break;
                case ClientTypes.Public when client.GrantTypes.Contains(GrantTypes.ClientCredentials) || client.AllowIntrospection:
                    failures.Add($"DevIdp:Clients:{clientId} is public; client credentials and introspection need a confidential client.");
                    break;
                case ClientTypes.Confidential or ClientTypes.Public:
                    break;
                default:
                    failures.Add($"DevIdp:Clients:{clientId}:ClientType is '{client.ClientType}'; use 'confidential' or 'public'.");
                    break;
            }

            foreach (var uri in client.RedirectUris.Concat(client.PostLogoutRedirectUris).Where(uri => !IsAbsoluteHttpUri(uri)))
            {
                failures.Add($"DevIdp:Clients:{clientId} has redirect URI '{uri}', which is not an absolute http(s) URI.");
            }
        }
    }

    private static void AddDuplicates(IEnumerable<string> values, string what, List<string> failures)
    {
        foreach (var duplicate in values.GroupBy(value => value, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            failures.Add($"DevIdp:Users has the {what} '{duplicate.Key}' more than once.");
        }
    }

    private static bool IsAbsoluteHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
