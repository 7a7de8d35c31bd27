using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Telemetry;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>
/// Checks a proof of possession of a session's key, the way every path that binds or uses a session does: the proof
/// itself (<see cref="DpopProofValidator"/>), then that its <c>jti</c> is new across all replicas. Fails closed: when the
/// replay cache cannot answer, the proof is refused. A caller that spends several one-time values in one request checks
/// each proof with <see cref="Validate"/> and claims all their marks together (<see cref="ClaimAsync"/>). Each refusal is counted (<c>rta.binding.refusals</c>, by use and
/// reason) and logged with its reason code only; the proof and token are never logged.
/// </summary>
public sealed partial class ProofVerifier(
    OnceRegister register,
    ProofNonces nonces,
    IOptionsMonitor<BindingOptions> options,
    TimeProvider timeProvider,
    RtaServerTelemetry telemetry,
    ILogger<ProofVerifier> logger)
{
    /// <summary>Checks the proof and spends its <c>jti</c>.</summary>
    public async Task<ProofCheck> VerifyAsync(ProofRequest request)
    {
        var check = Validate(request);
        return check.IsValid ? await SpendAsync(check, request.Use) : check;
    }

    /// <summary>
    /// Checks the proof without spending its <c>jti</c>: a valid result carries the <see cref="ProofCheck.Replay"/> mark
    /// the caller must claim (see <see cref="ClaimAsync"/>) before trusting it.
    /// </summary>
    public ProofCheck Validate(ProofRequest request)
    {
        var check = Check(request);
        if (!check.IsValid)
        {
            Count(request.Use, check.Reason!);
        }

        return check;
    }

    /// <summary>
    /// Claims the marks of validated proofs and any other one-time values of the same request in one Redis round trip.
    /// Returns, for each mark in order, whether it was new; throws when Redis cannot say (the caller refuses with
    /// <see cref="RtaBindingReasons.ReplayCheckUnavailable"/>).
    /// </summary>
    public Task<bool[]> ClaimAsync(IReadOnlyList<OnceMark> marks) => register.TryClaimAllAsync(marks);

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

    private ProofCheck Check(ProofRequest request)
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

        // Remembered a little past the window, so a proof at its edge cannot come back as fresh.
        var lifetime = settings.ProofLifetime + settings.ClockSkew + settings.ClockSkew;
        return ProofCheck.Unspent(result.JwkThumbprint!, new OnceMark("dpop", $"{result.JwkThumbprint}\n{result.Jti}", lifetime));
    }

    private async Task<ProofCheck> SpendAsync(ProofCheck check, string use)
    {
        try
        {
            if (await register.TryClaimAsync(check.Replay!.Value))
            {
                return ProofCheck.Valid(check.KeyThumbprint!);
            }

            return Refuse(use, RtaBindingReasons.ReplayedProof);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return Refuse(use, RtaBindingReasons.ReplayCheckUnavailable);
        }
    }

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Refused a proof of possession on {Use}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string use, string reason);
}
