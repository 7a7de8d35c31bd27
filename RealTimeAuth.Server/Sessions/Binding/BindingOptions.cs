using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>Proofs of possession of a session's key (configuration section <c>Binding</c>).</summary>
public sealed class BindingOptions
{
    public const string SectionName = "Binding";

    /// <summary>
    /// How far in the past a proof's <c>iat</c> may lie. It also bounds how long a <c>jti</c> is remembered, so a proof
    /// copied off the wire is useless once this has passed, and replayed before that is refused as a replay.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan ProofLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How far in the future a proof's <c>iat</c> may lie, for clocks that disagree. Default 30 seconds: a replica whose
    /// clock runs 30 s behind an agent's still accepts the agent's fresh proofs (docs/adr/0022).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the HTTP authorize endpoint wants a server nonce in each proof (RFC 9449 §8): the first request without
    /// one is answered <c>use_dpop_nonce</c> with a <c>DPoP-Nonce</c> header, which a client then includes. It moves
    /// proof freshness from the client's clock to the server's.
    /// </summary>
    public bool RequireNonce { get; set; }

    /// <summary>How long a server nonce is accepted after it was handed out (it is accepted for up to twice this).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The key nonces are derived with, base64, at least 32 bytes; every replica needs the same one. When unset, each
    /// process draws its own, which is right for one replica only.
    /// </summary>
    public string? NonceKey { get; set; }
}
