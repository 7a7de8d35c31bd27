using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>Checks the transmitters at start, naming the key to fix.</summary>
internal sealed class SharedSignalsOptionsValidator : IValidateOptions<SharedSignalsOptions>
{
    private const int MinPushAuthorizationLength = 16;

    public ValidateOptionsResult Validate(string? name, SharedSignalsOptions options)
    {
        var failures = new List<string>();
        if (options.RetainReceivedSets <= options.MaxSetAge)
        {
            failures.Add("SharedSignals:RetainReceivedSets must be longer than SharedSignals:MaxSetAge, or a replay could be taken for a new SET.");
        }

        for (var index = 0; index < options.Transmitters.Count; index++)
        {
            Check(options.Transmitters[index], $"SharedSignals:Transmitters:{index}", failures);
        }

        var duplicates = options.Transmitters
            .GroupBy(transmitter => (transmitter.Issuer, transmitter.Audience))
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key.Issuer} / {group.Key.Audience}");
        failures.AddRange(duplicates.Select(pair => $"Two transmitters share issuer and audience {pair}; a SET could not tell which stream it belongs to."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(TransmitterOptions transmitter, string key, List<string> failures)
    {
        if (!IsAbsoluteUri(transmitter.Issuer))
        {
            failures.Add($"Set {key}:Issuer to the transmitter's issuer URL.");
        }

        if (string.IsNullOrWhiteSpace(transmitter.Audience))
        {
            failures.Add($"Set {key}:Audience to the audience the transmitter puts in its SETs.");
        }

        if (transmitter.JwksUri is { } jwks && !IsAbsoluteUri(jwks))
        {
            failures.Add($"{key}:JwksUri must be an absolute URL.");
        }

        if (transmitter.MetadataAddress is { } metadata && !IsAbsoluteUri(metadata))
        {
            failures.Add($"{key}:MetadataAddress must be an absolute URL.");
        }

        if (transmitter.DeliveryMethod is not (SsfDeliveryMethods.Push or SsfDeliveryMethods.Poll))
        {
            failures.Add($"{key}:DeliveryMethod must be {SsfDeliveryMethods.Push} or {SsfDeliveryMethods.Poll}.");
        }

        if (transmitter.IsManaged && string.IsNullOrEmpty(transmitter.ClientSecret))
        {
            failures.Add($"Set {key}:ClientSecret for {key}:ClientId (a secret: use user-secrets or an Aspire parameter).");
        }

        if (transmitter.ReceiverEndpoint is { } receiver && !IsAbsoluteUri(receiver))
        {
            failures.Add($"{key}:ReceiverEndpoint must be an absolute URL.");
        }

        if (transmitter.TokenEndpoint is { } tokenEndpoint && !IsAbsoluteUri(tokenEndpoint))
        {
            failures.Add($"{key}:TokenEndpoint must be an absolute URL.");
        }

        if (transmitter.DeliveryMethod == SsfDeliveryMethods.Push && !transmitter.IsManaged
            && (transmitter.PushAuthorization?.Length ?? 0) < MinPushAuthorizationLength)
        {
            failures.Add($"Set {key}:PushAuthorization to the Authorization header the transmitter sends, or {key}:ClientId and ClientSecret so this server manages the stream (at least {MinPushAuthorizationLength} characters, a secret: use user-secrets or an Aspire parameter).");
        }

        if (transmitter.SubjectIssuers.Any(issuer => !IsAbsoluteUri(issuer)))
        {
            failures.Add($"{key}:SubjectIssuers must hold issuer URLs.");
        }

        failures.AddRange(transmitter.AllowedClaims.Select(TransmitterClaims.Problem).OfType<string>().Select(problem => $"{key}:AllowedClaims: {problem}"));
    }

    private static bool IsAbsoluteUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
