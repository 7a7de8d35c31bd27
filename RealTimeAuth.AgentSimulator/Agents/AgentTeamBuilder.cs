using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Identity;
using RealTimeAuth.AgentSimulator.Telemetry;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>
/// Builds a run's team: the user signs in at the portal, the co-pilot exchanges the user's token for its session (scopes
/// enough for all its agents), and delegates to each agent with the agent's narrower scopes, which delegate further.
/// </summary>
internal sealed class AgentTeamBuilder(
    PortalSignIn portal, RtaClientProvider clients, SimulatorTelemetry telemetry, TimeProvider time, ILogger<AgentTeamBuilder> logger)
{
    /// <exception cref="SignInException">The user could not sign in.</exception>
    /// <exception cref="RtaExchangeException">The server refused an exchange.</exception>
    public async Task<AgentTeam> AssembleAsync(string runId, UserCredentials user, IReadOnlyList<AgentProfile> profiles, CancellationToken cancellationToken)
    {
        var tokens = await portal.SignInAsync(user, cancellationToken).ConfigureAwait(false);
        var scopes = AgentProfiles.ScopesFor(profiles);
        var started = time.GetTimestamp();
        var client = await clients.Factory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = tokens.AccessToken, Scopes = scopes, Agent = AgentIdentities.CoPilot(runId) },
            cancellationToken).ConfigureAwait(false);
        telemetry.RecordExchange(time.GetElapsedTime(started), delegated: false);
        var coPilot = new RtaAgentSession(client);
        logger.CoPilotConnected(coPilot.AgentId, coPilot.SessionId, user.Email, string.Join(' ', coPilot.Scopes));

        var members = new List<TeamMember>();
        try
        {
            foreach (var profile in profiles)
            {
                await DelegateAsync(coPilot, profile, runId, members, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await new AgentTeam(runId, user.Email, coPilot, members).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new AgentTeam(runId, user.Email, coPilot, members);
    }

    private async Task DelegateAsync(RtaAgentSession parent, AgentProfile profile, string runId, List<TeamMember> members, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var client = await parent.Client.CreateChildAsync(AgentIdentities.For(profile, runId), profile.Scopes, cancellationToken).ConfigureAwait(false);
        telemetry.RecordExchange(time.GetElapsedTime(started), delegated: true);
        var session = new RtaAgentSession(client);
        members.Add(new TeamMember(profile, session, parent.AgentId));
        logger.AgentDelegated(parent.AgentId, session.AgentId, profile.Kind, session.SessionId, string.Join(' ', session.Scopes));
        foreach (var child in profile.Delegates)
        {
            await DelegateAsync(session, child, runId, members, cancellationToken).ConfigureAwait(false);
        }
    }
}
