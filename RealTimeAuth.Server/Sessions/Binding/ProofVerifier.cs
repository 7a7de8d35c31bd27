using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Telemetry;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>
/// Checks a proof of possession of a session's key, the way every path that binds or uses a session does: the proof
/// itself (<see cref="DpopProofValidator"/>), then that its <c>jti</c> is new across all replicas. Fails closed: when the
/// replay cache cannot answer, the proof is refused. Each refusal is counted (<c>rta.binding.refusals</c>, by use and
/// reason) and logged with its reason code only; the proof and token are never logged.
/// </summary>
public sealed partial class ProofVerifier(
    ProofReplayCache replays,
    ProofNonces nonces,
    IOptionsMonitor<BindingOptions> options,
    TimeProvider timeProvider,
    RtaServerTelemetry telemetry,
    ILogger<ProofVerifier> logger)
{
    public async Task<ProofCheck> VerifyAsync(ProofRequest request)
    {
        var check = await CheckAsync(request);
        if (!check.IsValid)
        {
            Count(request.Use, check.Reason!);
        }

        return check;
    }

    /// <summary>
    /// A refusal decided from server state before any proof is checked (an unbound session, an unknown stream
    /// binding), counted and logged like a refused proof so every refusal of a use shows in one metric.
    /// </summary>
    public ProofCheck Refuse(string use, string reason)
    {
        Count(use, reason);
        return ProofCheck.Refused(reason);
    }

    private void Count(string use, string reason)
    {
        telemetry.BindingRefusals.Add(1, new KeyValuePair<string, object?>("use", use), new KeyValuePair<string, object?>("reason", reason));
        LogRefused(logger, use, reason);
    }

    /// <summary>The nonce a client should put in its next proof, for the <c>DPoP-Nonce</c> header.</summary>
    public string CurrentNonce => nonces.Current;

    private async Task<ProofCheck> CheckAsync(ProofRequest request)
    {
        var settings = options.CurrentValue;
        var expected = new DpopProofExpectations
        {
            Method = request.Method,
            Uri = request.Uri,
            Now = timeProvider.GetUtcNow(),
            FreshnessWindow = settings.ProofLifetime,
            ClockSkew = settings.ClockSkew,
            AccessTokenHash = request.AccessToken is { Length: > 0 } token ? DpopAccessTokenHash.Compute(token) : null,
            Nonce = request.RequireNonce ? nonces.Current : null,
            JwkThumbprint = request.KeyThumbprint,
        };
        var result = DpopProofValidator.Validate(request.Proof, expected);
        if (result.RejectionReason == DpopRejectionReasons.WrongNonce)
        {
            // The nonce of the previous slot is still good; everything else the request expects stays as it was.
            result = DpopProofValidator.Validate(request.Proof, expected with { Nonce = nonces.Previous });
        }

        if (!result.IsValid)
        {
            return ProofCheck.Refused(result.RejectionReason!);
        }

        try
        {
            // Remembered a little past the window, so a proof at its edge cannot come back as fresh.
            var fresh = await replays.TryConsumeAsync(result.JwkThumbprint!, result.Jti!, settings.ProofLifetime + settings.ClockSkew + settings.ClockSkew);
            return fresh ? ProofCheck.Valid(result.JwkThumbprint!) : ProofCheck.Refused(RtaBindingReasons.ReplayedProof);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return ProofCheck.Refused(RtaBindingReasons.ReplayCheckUnavailable);
        }
    }

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Refused a proof of possession on {Use}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string use, string reason);
}
