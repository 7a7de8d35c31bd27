using RealTimeAuth.Server.SharedSignals.Client;

namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>The stream manager, for the admin API (the hosted service instance).</summary>
internal sealed class SsfStreamManagerAccessor(IServiceProvider services)
{
    public SsfStreamManager? Manager => services.GetService<SsfStreamManager>();
}
