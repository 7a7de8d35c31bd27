using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>The outcome of checking one proof: valid with its key, or refused with a reason code.</summary>
public readonly record struct ProofCheck
{
    private ProofCheck(string? reason, string? keyThumbprint, OnceMark? replay = null)
    {
        Reason = reason;
        KeyThumbprint = keyThumbprint;
        Replay = replay;
    }

    public bool IsValid => KeyThumbprint is not null;

    /// <summary>
    /// One of <c>DpopRejectionReasons</c> or <c>RtaBindingReasons</c> when refused. Safe to log and return; the proof
    /// and token never are.
    /// </summary>
    public string? Reason { get; }

    /// <summary>The thumbprint of the key that made a valid proof.</summary>
    public string? KeyThumbprint { get; }

    /// <summary>
    /// For a proof that is valid but whose <c>jti</c> is not yet spent (<see cref="ProofVerifier.Validate"/>): the mark
    /// to claim once before the proof may be trusted.
    /// </summary>
    public OnceMark? Replay { get; }

    /// <summary>The replay cache could not answer: the client should retry, not treat the refusal as final.</summary>
    public bool IsUnavailable => Reason == Protocol.Binding.RtaBindingReasons.ReplayCheckUnavailable;

    /// <summary>The client should retry with the server's current nonce (RFC 9449 §8 <c>use_dpop_nonce</c>).</summary>
    public bool WantsNonce => Reason is Protocol.Binding.DpopRejectionReasons.NonceRequired or Protocol.Binding.DpopRejectionReasons.WrongNonce;

    public static ProofCheck Valid(string keyThumbprint) => new(null, keyThumbprint);

    public static ProofCheck Unspent(string keyThumbprint, OnceMark replay) => new(null, keyThumbprint, replay);

    public static ProofCheck Refused(string reason) => new(reason, null);
}
