using System.Globalization;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Testing.Servers;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// One RTA server replica on real Kestrel: HTTP/1.1 for the token endpoint, admin and JSON APIs on one
/// port, gRPC over cleartext HTTP/2 (h2c) on another. <see cref="ExchangeOptions"/> only names the assembly:
/// both the IdP and the server have a global <c>Program</c>.
/// </summary>
public sealed class ServerHost : WebApplicationFactory<ExchangeOptions>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Lazy<GrpcChannel> _grpcChannel;
    private readonly TimeProvider? _clock;

    /// <param name="name">The replica's name in test output.</param>
    /// <param name="settings">Configuration on top of the server's own.</param>
    /// <param name="clock">The replica's clock, for a replica whose clock disagrees with the others; null: the system's.</param>
    public ServerHost(string name, IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        Name = name;
        _clock = clock;
        HttpPort = FreePort.Pick();
        GrpcPort = FreePort.Pick();
        _settings = settings;
        _grpcChannel = new Lazy<GrpcChannel>(() => GrpcChannel.ForAddress(GrpcAddress));
        UseKestrel();
    }

    /// <summary>The replica's name in test output ("A", "B").</summary>
    public string Name { get; }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    /// <summary>Token endpoint, admin API, JSON live API (HTTP/1.1).</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The gRPC live channel (HTTP/2 only, cleartext).</summary>
    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>A raw gRPC client of the live channel, for calls the SDK would not make (an old or forged token).</summary>
    public LiveChannel.LiveChannelClient LiveChannel => new(_grpcChannel.Value);

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A plain HTTP client on <see cref="BaseAddress"/>; the caller disposes it.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = HostingTimeouts.Request };

    /// <summary>Starts Kestrel and waits until the replica is current with the event log and holds a signing key.</summary>
    public async Task StartAsync()
    {
        await Task.Run(StartServer).WaitAsync(HostingTimeouts.Startup);
        var replica = Service<IReplicaCurrency>();
        var keys = Service<RtaKeyRing>();
        if (!await Eventually.UntilAsync(() => replica.IsCurrent && keys.ActiveKeyId is not null, HostingTimeouts.Startup, interval: TimeSpan.FromMilliseconds(50)))
        {
            throw new TimeoutException(
                $"Replica {Name} was not ready within {HostingTimeouts.Startup.TotalSeconds:0} s: current {replica.IsCurrent}, active key {keys.ActiveKeyId}.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Kestrel:Endpoints:Http:Url", BaseAddress.ToString().TrimEnd('/'));
        builder.UseSetting("Kestrel:Endpoints:Grpc:Url", GrpcAddress.ToString().TrimEnd('/'));
        builder.UseSetting("Kestrel:Endpoints:Grpc:Protocols", "Http2");
        builder.UseSetting("LiveChannel:GrpcAddress", GrpcAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_grpcChannel.IsValueCreated)
        {
            _grpcChannel.Value.Dispose();
        }

        await base.DisposeAsync();
    }
}
