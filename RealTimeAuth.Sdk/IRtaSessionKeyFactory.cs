using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk;

/// <summary>
/// Makes the Ed25519 key each new session is bound to (RFC 9449 shape): one key per session, root or child. Set it in
/// <see cref="RtaClientOptions.SessionKeys"/> to keep keys outside the process, for example in a hardware module; the
/// default makes non-exportable NSec keys in memory. A key that is <see cref="IDisposable"/> is disposed with its
/// <see cref="RtaClient"/>, or at once when its exchange fails.
/// </summary>
public interface IRtaSessionKeyFactory
{
    /// <summary>A new key, never handed out before. Called once per exchange.</summary>
    IDpopSigningKey CreateSessionKey();
}
