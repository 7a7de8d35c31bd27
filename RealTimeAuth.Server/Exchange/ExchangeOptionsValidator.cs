using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Exchange;

/// <summary>Checks the exchange configuration at start and names the key to fix.</summary>
internal sealed class ExchangeOptionsValidator : IValidateOptions<ExchangeOptions>
{
    private const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, ExchangeOptions options)
    {
        var failures = new List<string>();
        for (var index = 0; index < options.TrustedIssuers.Count; index++)
        {
            var issuer = options.TrustedIssuers[index];
            var key = $"Exchange:TrustedIssuers:{index}";
            if (!Uri.TryCreate(issuer.Issuer, UriKind.Absolute, out _))
            {
                failures.Add($"{key}:Issuer must be an absolute URL.");
            }

            if (string.IsNullOrWhiteSpace(issuer.Audience))
            {
                failures.Add($"{key}:Audience is required.");
            }

            if (issuer.Validation == SubjectTokenValidation.Introspection
                && (string.IsNullOrEmpty(issuer.ClientId) || string.IsNullOrEmpty(issuer.ClientSecret)))
            {
                failures.Add($"{key}:ClientId and ClientSecret are required for introspection.");
            }
        }

        foreach (var (clientId, client) in options.Clients)
        {
            if (client.Secret.Length < MinSecretLength)
            {
                failures.Add($"Exchange:Clients:{clientId}:Secret must be at least {MinSecretLength} characters.");
            }

            if (client.AgentKinds.Count == 0 || client.AgentKinds.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"Exchange:Clients:{clientId}:AgentKinds must name at least one agent kind, none blank.");
            }

            if (client.MayDelegateTo.FirstOrDefault(target => !options.Clients.ContainsKey(target)) is { } unknown)
            {
                failures.Add($"Exchange:Clients:{clientId}:MayDelegateTo names '{unknown}', which is not a registered client.");
            }

            if (client.AbsoluteLifetime <= TimeSpan.Zero || client.IdleLifetime <= TimeSpan.Zero)
            {
                failures.Add($"Exchange:Clients:{clientId}:AbsoluteLifetime and IdleLifetime must be positive when set.");
            }
        }

        if (options.NonceLifetime <= TimeSpan.Zero)
        {
            failures.Add("Exchange:NonceLifetime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
