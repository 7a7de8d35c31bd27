using RealTimeAuth.Testing.Hosting;


namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>
/// The dev IdP as an xunit collection fixture: one for the whole run, started before the first test and stopped
/// after the last. Sign-ins and the issuer come from <see cref="DevIdentityProvider"/>.
/// </summary>
public sealed class DevIdpFixture : DevIdentityProvider, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
