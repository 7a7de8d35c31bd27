using System.Diagnostics;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>Revokes one agent's session through the admin API, as an admin would, and times the agent's Revoked event.</summary>
internal sealed class Revoker(HttpClient admin, string adminToken)
{
    private const string Reason = "load driver";

    public async Task<RevocationSample> OnceAsync(AgentProbe agent, int agents, int index, TimeSpan pushTimeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await AdminApi.RevokeSessionAsync(admin, adminToken, agent.Client.SessionId, Reason, cancellationToken);
        var returned = Stopwatch.GetTimestamp();
        try
        {
            var revoked = await agent.Revoked.WaitAsync(pushTimeout, cancellationToken);
            var onStream = revoked.Pushed && revoked.EventSequence == response.EventSequence;
            var commitToEvent = revoked.EventTime is { } eventTime ? (revoked.ReceivedAt - eventTime).TotalMilliseconds : (double?)null;
            return new RevocationSample(agents, index, started, returned, agent.RevokedAtTimestamp, onStream, commitToEvent);
        }
        catch (TimeoutException)
        {
            return new RevocationSample(agents, index, started, returned, null, false, null);
        }
    }
}
