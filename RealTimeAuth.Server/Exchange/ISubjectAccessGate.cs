using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// Whether a user may get new sessions: the exchange asks before creating one. Shared Signals implements it (a user a
/// transmitter reported disabled, purged or compromised is refused until it reports them enabled again).
/// </summary>
public interface ISubjectAccessGate
{
    /// <summary>True when the user, named by issuer, subject and their context attributes (email, phone), is blocked.</summary>
    Task<bool> IsBlockedAsync(string issuer, string subject, SecurityContext userContext, CancellationToken cancellationToken);
}
