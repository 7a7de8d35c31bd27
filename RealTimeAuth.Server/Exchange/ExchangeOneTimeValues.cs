using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions.Binding;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// The one-time values an exchange spends: the client's nonce and the <c>jti</c> of each proof. They are gathered while
/// the request is checked and claimed together in one Redis round trip once everything else is known to be good, so a
/// bound exchange costs one Redis call, not three; a request refused earlier spends none of them.
/// </summary>
internal sealed class ExchangeOneTimeValues(ProofVerifier proofs, TimeSpan nonceLifetime)
{
    private readonly List<OnceMark> _marks = [];
    private readonly List<string?> _uses = [];

    public void AddNonce(string clientId, string nonce)
    {
        _marks.Add(new OnceMark("nonce", $"{clientId}\n{nonce}", nonceLifetime));
        _uses.Add(null);
    }

    /// <summary>Adds the <c>jti</c> of a proof <see cref="ProofVerifier.Validate"/> found good, for its use.</summary>
    public void AddProof(ProofCheck check, string use)
    {
        _marks.Add(check.Replay ?? throw new ArgumentException("Only a validated, unspent proof has a mark to claim.", nameof(check)));
        _uses.Add(use);
    }

    /// <summary>Claims every value; null when all were new, else the error of the first that was not.</summary>
    public async Task<OAuthErrorResult?> ClaimAsync()
    {
        bool[] fresh;
        try
        {
            fresh = await proofs.ClaimAsync(_marks);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Without the replay set a reused value cannot be told apart: refuse rather than allow.
            return ProofRefusals.Of(proofs.Refuse(ProofUse.Exchange, RtaBindingReasons.ReplayCheckUnavailable), parent: false);
        }

        for (var i = 0; i < fresh.Length; i++)
        {
            if (fresh[i])
            {
                continue;
            }

            if (_uses[i] is not { } use)
            {
                return OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.NonceReused, "The nonce was already used.");
            }

            return ProofRefusals.Of(proofs.Refuse(use, RtaBindingReasons.ReplayedProof), parent: use == ProofUse.ParentExchange);
        }

        return null;
    }
}
