using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Binding;
using RealTimeAuth.Server.Sessions.Tokens;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Exchange;

/// <summary>What the token endpoint needs, bound with <c>[AsParameters]</c>.</summary>
internal sealed record ExchangeServices(
    ClientAuthenticator Clients,
    SubjectTokenValidator SubjectTokens,
    SessionTokenValidator SessionTokens,
    IReplicaCurrency Replica,
    SessionCreator Sessions,
    ProofVerifier Proofs,
    ILiveChannelEndpoints LiveChannel,
    IOptionsMonitor<ExchangeOptions> Options,
    CallerRateLimiter Limits,
    RtaServerTelemetry Telemetry);
