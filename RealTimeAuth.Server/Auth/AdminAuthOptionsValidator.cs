using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Auth;

/// <summary>Checks the <c>Admin</c> section at start: an authority, when set, is an absolute URL, and the audience is named.</summary>
internal sealed class AdminAuthOptionsValidator : IValidateOptions<AdminAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminAuthOptions options)
    {
        if (options.Authority is { Length: > 0 } authority && !Uri.TryCreate(authority, UriKind.Absolute, out _))
        {
            return ValidateOptionsResult.Fail($"Admin:Authority must be an absolute URL (got '{authority}').");
        }

        return string.IsNullOrWhiteSpace(options.Audience)
            ? ValidateOptionsResult.Fail("Set Admin:Audience to the audience admin access tokens carry.")
            : ValidateOptionsResult.Success;
    }
}
