using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Sessions.Tokens;

namespace RealTimeAuth.Server.Live;

/// <summary>What the JSON live endpoints use, bound with <c>[AsParameters]</c>.</summary>
internal sealed record LiveApiServices(
    [FromServices] SessionTokenValidator Validator,
    [FromServices] StreamHub Hub,
    [FromServices] LivePump Pump,
    [FromServices] SessionAuthorizer Authorizer,
    [FromServices] LiveProofs Proofs,
    [FromServices] StreamSupersession Supersession,
    [FromServices] CallerRateLimiter Limits,
    [FromServices] StreamDrops Drops,
    [FromServices] IOptions<LiveChannelOptions> Options,
    [FromServices] TimeProvider Time);
