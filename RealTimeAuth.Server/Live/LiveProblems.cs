using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Sessions.Binding;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Live;

/// <summary>The JSON endpoints' errors, as RFC 9457 problem details with the stable reason in <c>reason</c>.</summary>
internal static class LiveProblems
{
    private const string ReasonKey = "reason";

    /// <summary>
    /// A refused token is 401 with a bearer-style challenge (RFC 6750 §3): no error code when no token
    /// was sent (§3.1), otherwise <c>invalid_token</c> and the reason. A replica that cannot prove it
    /// is current answers 503 and asks the client to retry.
    /// </summary>
    public static ProblemHttpResult Refused(HttpResponse response, SessionTokenStatus status)
    {
        var reason = status.ToWire();
        if (status == SessionTokenStatus.ReplicaNotCurrent)
        {
            response.Headers.RetryAfter = "1";
            return Problem(StatusCodes.Status503ServiceUnavailable, "This server replica cannot prove it is current.", reason);
        }

        response.Headers.WWWAuthenticate = status == SessionTokenStatus.Missing
            ? "RTA"
            : $"RTA error=\"invalid_token\", error_description=\"{reason}\"";
        return Problem(StatusCodes.Status401Unauthorized, "The RTA token was refused.", reason);
    }

    /// <summary>
    /// A refused proof of possession is 401 with a DPoP challenge (RFC 9449 §7.1): <c>invalid_dpop_proof</c>, or
    /// <c>use_dpop_nonce</c> with the nonce to use (§8); the reason code is in the problem. A replay check that could
    /// not be made is 503: the client retries with a fresh proof.
    /// </summary>
    public static ProblemHttpResult ProofRefused(HttpResponse response, ProofCheck check, string? nonce = null)
    {
        var reason = check.Reason!;
        if (check.IsUnavailable)
        {
            response.Headers.RetryAfter = "1";
            return Problem(StatusCodes.Status503ServiceUnavailable, "The proof could not be checked for replay; retry.", reason);
        }

        var error = check.WantsNonce && nonce is not null ? RtaBindingNames.Errors.UseDpopNonce : RtaBindingNames.Errors.InvalidDpopProof;
        if (nonce is not null)
        {
            response.Headers[RtaBindingNames.NonceHeader] = nonce;
        }

        response.Headers.WWWAuthenticate = $"{RtaBindingNames.ChallengeScheme} error=\"{error}\", algs=\"{RtaBindingNames.Algorithm}\"";
        return Problem(StatusCodes.Status401Unauthorized, "The proof of possession was refused.", reason);
    }

    public static ProblemHttpResult BadRequest(string title, string reason) =>
        Problem(StatusCodes.Status400BadRequest, title, reason);

    public static ProblemHttpResult UnsupportedMediaType(string title, string reason) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, title, reason);

    private static ProblemHttpResult Problem(int status, string title, string reason) =>
        TypedResults.Problem(statusCode: status, title: title, detail: reason, extensions: new Dictionary<string, object?> { [ReasonKey] = reason });
}
