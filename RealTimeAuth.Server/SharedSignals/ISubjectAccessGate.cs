using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>
/// Whether a user may get new sessions. The token exchange asks before creating one; a user a transmitter reported
/// disabled, purged or compromised (RISC) is refused until it reports them enabled again.
/// </summary>
public interface ISubjectAccessGate
{
    /// <summary>True when the user, named by issuer, subject and their context attributes (email, phone), is blocked.</summary>
    Task<bool> IsBlockedAsync(string issuer, string subject, SecurityContext userContext, CancellationToken cancellationToken);
}
