using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>What the push endpoint needs, bound with <c>[AsParameters]</c>.</summary>
internal sealed record SetPushServices(
    SsfStreamCatalog Catalog,
    PushAuthenticator Authenticator,
    SetProcessor Processor,
    Microsoft.Extensions.Options.IOptionsMonitor<SharedSignalsOptions> Options);
