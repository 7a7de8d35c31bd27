using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>Checks the <c>AuthZen</c> section at start: no empty PEP key, and an authority comes with an audience.</summary>
internal sealed class AuthZenOptionsValidator : IValidateOptions<AuthZenOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthZenOptions options)
    {
        if (options.ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            return ValidateOptionsResult.Fail("AuthZen:ApiKeys holds an empty key; remove it or set a value.");
        }

        if (options.Authority is { Length: > 0 } authority)
        {
            if (!Uri.TryCreate(authority, UriKind.Absolute, out _))
            {
                return ValidateOptionsResult.Fail($"AuthZen:Authority must be an absolute URL (got '{authority}').");
            }

            if (string.IsNullOrEmpty(options.Audience))
            {
                return ValidateOptionsResult.Fail("'AuthZen:Authority' is set without 'AuthZen:Audience'. Set the audience PEP access tokens must carry.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
