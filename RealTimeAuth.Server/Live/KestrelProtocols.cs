using System.Net.Quic;
using Microsoft.AspNetCore.Server.Kestrel;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.Server.Live;

public static class KestrelProtocols
{
    private const string EndpointsSection = "Kestrel:Endpoints";

    /// <summary>
    /// HTTP versions for the endpoints in configuration (<c>Kestrel:Endpoints:&lt;name&gt;:Url</c>, as
    /// Aspire sets them); ports come only from there. A <c>Protocols</c> value in configuration always
    /// wins. Otherwise a TLS endpoint offers HTTP/1.1 and HTTP/2 by ALPN, plus HTTP/3 where the platform
    /// has QUIC; a plain-HTTP endpoint named <c>grpc</c> speaks HTTP/2 only, because without TLS there is
    /// no ALPN and gRPC clients connect with prior knowledge (h2c); other plain endpoints stay HTTP/1.1.
    /// </summary>
    public static IHostApplicationBuilder ConfigureKestrelProtocols(this IHostApplicationBuilder builder)
    {
        builder.Services.AddKestrelProtocols(builder.Configuration);
        return builder;
    }

    internal static IServiceCollection AddKestrelProtocols(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            // Long-lived streams: ping an idle connection so a vanished client is noticed, unless configured.
            kestrel.Limits.Http2.KeepAlivePingDelay = ConfiguredOr(configuration, "Kestrel:Limits:Http2:KeepAlivePingDelay", TimeSpan.FromSeconds(30));
            kestrel.Limits.Http2.KeepAlivePingTimeout = ConfiguredOr(configuration, "Kestrel:Limits:Http2:KeepAlivePingTimeout", TimeSpan.FromSeconds(20));

            if (kestrel.ConfigurationLoader is not { } loader)
            {
                return;
            }

            foreach (var name in configuration.GetSection(EndpointsSection).GetChildren().Select(section => section.Key))
            {
                loader.Endpoint(name, endpoint => ChooseProtocols(name, endpoint));
            }
        });

    /// <summary>
    /// HTTP/3 runs over QUIC, which needs libmsquic; Debian 12 has none, so there this is HTTP/1.1 and
    /// HTTP/2 and the server starts rather than fails. Where QUIC exists, Kestrel adds an Alt-Svc header
    /// so clients can upgrade.
    /// </summary>
    internal static HttpProtocols TlsProtocols() =>
        IsQuicSupported() ? HttpProtocols.Http1AndHttp2AndHttp3 : HttpProtocols.Http1AndHttp2;

    private static bool IsQuicSupported() =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()) && QuicListener.IsSupported;

    private static void ChooseProtocols(string name, EndpointConfiguration endpoint)
    {
        if (endpoint.ConfigSection["Protocols"] is { Length: > 0 })
        {
            return;
        }

        if (endpoint.IsHttps)
        {
            endpoint.ListenOptions.Protocols = TlsProtocols();
        }
        else if (string.Equals(name, ResourceNames.GrpcEndpoint, StringComparison.OrdinalIgnoreCase))
        {
            endpoint.ListenOptions.Protocols = HttpProtocols.Http2;
        }
    }

    private static TimeSpan ConfiguredOr(IConfiguration configuration, string key, TimeSpan fallback) =>
        TimeSpan.TryParse(configuration[key], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
