namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// Why the server refused a use of a bound session, beyond the proof's own <see cref="DpopRejectionReasons"/>: the checks
/// that need server state (the replay cache, the session's key, the live stream). Sent in the error description (HTTP),
/// the status detail (gRPC) and the <c>reason</c> tag of <c>rta.binding.refusals</c>. A wire contract: a code is never renamed.
/// </summary>
public static class RtaBindingReasons
{
    /// <summary>A valid proof whose <c>jti</c> was already used within the proof window (RFC 9449 §11.1).</summary>
    public const string ReplayedProof = "replayed-proof";

    /// <summary>The shared replay cache could not be reached, so a replay cannot be told apart: refused, retry shortly.</summary>
    public const string ReplayCheckUnavailable = "replay-check-unavailable";

    /// <summary>The session was created before binding existed and has no key; it cannot open a stream or act. Exchange again.</summary>
    public const string SessionUnbound = "session-unbound";

    /// <summary>A delegated exchange came without the parent's proof (<see cref="RtaBindingNames.ParentProofHeader"/>).</summary>
    public const string ParentProofMissing = "parent-proof-missing";

    /// <summary>A unary <c>Authorize</c> named a stream binding that is not an open stream of its session on this replica.</summary>
    public const string StreamBindingUnknown = "stream-binding-unknown";

    /// <summary>The token's sequence is older than one its client has acknowledged, and the grace after that has passed.</summary>
    public const string TokenSuperseded = "token-superseded";
}
