using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Scenarios.Attacks;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// <c>stolen-token</c>: an attacker copies a working agent's RTAToken, and separately the latest proof the agent sent
/// with it, and tries to open a stream, authorize and delegate with them (<see cref="TokenThief"/>). Every attempt must be
/// refused with its reason, while every agent, the robbed one included, goes on working undisturbed.
/// </summary>
internal sealed class StolenTokenTrigger(ProofTap tap, ResolvedAddresses addresses, IOptions<SimulatorOptions> options, TimeProvider time) : IScenarioTrigger
{
    public string Name => ScenarioNames.StolenToken;

    public string Description =>
        "An attacker copies a working agent's token (and an old proof) and tries to stream, authorize and delegate; every attempt is refused and the agents go on.";

    public ScenarioAvailability Availability => ScenarioAvailability.Available;

    public async Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var target = context.Team.Members.FirstOrDefault(member => !member.Session.HasEnded)
            ?? throw new InvalidOperationException("The team has no working agent to steal a token from.");
        var token = target.Session.CurrentToken;
        var oldProof = tap.LatestProofFor(DpopAccessTokenHash.Compute(token));

        using var http = new HttpClient { BaseAddress = addresses.Server };
        using var channel = GrpcChannel.ForAddress(addresses.LiveChannel);
        using var thief = new TokenThief(http, addresses.LiveChannel, channel, ClientCredentials(), time);
        var attempts = await thief.TryEverythingAsync(token, oldProof, cancellationToken).ConfigureAwait(false);
        var refused = attempts.Count(attempt => attempt.Passed);
        return new TriggerOutcome($"A thief copied {target.AgentId}'s token and tried {attempts.Count} uses of it: {refused} refused for the right reason")
        {
            Attacks = attempts,
        };
    }

    private AuthenticationHeaderValue ClientCredentials()
    {
        var client = options.Value.CoPilot;
        var credentials = string.Concat(WebUtility.UrlEncode(client.ClientId), ":", WebUtility.UrlEncode(client.ClientSecret));
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }
}
