using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Hosting;

namespace RealTimeAuth.Server.Keys;

/// <summary>Signing keys: the ring, their protection at rest, rotation, and their replication through the event log.</summary>
public static class KeysModule
{
    public static IHostApplicationBuilder AddKeys(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SigningKeyOptions>(builder.Configuration, SigningKeyOptions.SectionName);
        services.AddSingleton<IValidateOptions<SigningKeyOptions>, SigningKeyOptionsValidator>();
        services.AddSingleton<RtaKeyRing>();
        services.AddSingleton<PrivateKeyProtector>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<IRtaKeyRingRefresher>(sp => sp.GetRequiredService<SigningKeyStore>());
        services.AddSingleton<IEventLogObserver, SigningKeyLogObserver>();
        services.AddHostedService<KeyRotationService>();
        return builder;
    }
}
