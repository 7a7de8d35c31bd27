using Microsoft.AspNetCore.Http;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>Verifies proofs the way the server will: the request's own method and URI, <c>ath</c> of the token sent, the session's key.</summary>
internal sealed class FakeProofs
{
    private readonly HashSet<string> _jtis = [];

    /// <summary>The server's clock for <c>iat</c> checks; tests on a fake clock set it to theirs.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>When set, every proof must carry this nonce (RFC 9449 §8).</summary>
    public string? RequireNonce { get; set; }

    /// <summary>The URI a server on this request would expect in <c>htu</c>.</summary>
    public static string TargetOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";

    /// <summary>Verifies one proof; a refusal is one of <see cref="DpopRejectionReasons"/> or <see cref="RtaBindingReasons.ReplayedProof"/>.</summary>
    public (SeenProof? Proof, string? Rejection) Verify(string? proof, HttpRequest request, string? accessToken, string? keyThumbprint)
    {
        var result = DpopProofValidator.Validate(proof, new DpopProofExpectations
        {
            Method = request.Method,
            Uri = TargetOf(request),
            Now = Clock.GetUtcNow(),
            FreshnessWindow = TimeSpan.FromSeconds(60),
            ClockSkew = TimeSpan.FromSeconds(5),
            AccessTokenHash = string.IsNullOrEmpty(accessToken) ? null : DpopAccessTokenHash.Compute(accessToken),
            Nonce = RequireNonce,
            JwkThumbprint = keyThumbprint,
        });
        if (!result.IsValid)
        {
            return (null, result.RejectionReason);
        }

        lock (_jtis)
        {
            return _jtis.Add(result.Jti!) ? (new SeenProof(result.JwkThumbprint!, result.Jti!), null) : (null, RtaBindingReasons.ReplayedProof);
        }
    }
}
