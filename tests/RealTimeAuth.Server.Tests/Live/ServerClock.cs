using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// A <see cref="FakeTimeProvider"/> the server takes from DI in place of the system clock, starting at the real time,
/// so a test moves the server past a deadline instead of sleeping until it. Pass <see cref="Configure"/> to
/// <see cref="LiveServer.StartAsync"/>.
/// </summary>
public sealed class ServerClock
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
}
