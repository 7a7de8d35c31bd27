using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RealTimeAuth.Sdk.Configuration;

namespace RealTimeAuth.Sdk;

/// <summary>Registers the RealTimeAuth client: <see cref="IRtaClientFactory"/>, <see cref="RtaClientAccessor"/> and <see cref="RtaTokenHandler"/>.</summary>
public static class RtaClientServiceCollectionExtensions
{
    /// <summary>Registers the client with options from <paramref name="configure"/>, validated when the host starts.</summary>
    public static IServiceCollection AddRealTimeAuthClient(this IServiceCollection services, Action<RtaClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RtaClientOptions>().Configure(configure).ValidateOnStart();
        return services.AddRealTimeAuthClientCore();
    }

    /// <summary>Registers the client with options bound from the <paramref name="configSectionName"/> section, then <paramref name="configure"/>.</summary>
    public static IHostApplicationBuilder AddRealTimeAuthClient(
        this IHostApplicationBuilder builder,
        string configSectionName = RtaClientOptions.SectionName,
        Action<RtaClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<RtaClientOptions>().Bind(builder.Configuration.GetSection(configSectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.AddRealTimeAuthClientCore();
        return builder;
    }

    private static IServiceCollection AddRealTimeAuthClientCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RtaClientOptions>, RtaClientOptionsValidator>());
        services.TryAddSingleton<IRtaClientFactory>(provider => new RtaClientFactory(
            provider.GetRequiredService<IOptions<RtaClientOptions>>().Value,
            createHttpHandler: null,
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<IMeterFactory>()));
        services.TryAddSingleton<RtaClientAccessor>();
        services.TryAddSingleton<IRtaTokenSource>(provider => provider.GetRequiredService<RtaClientAccessor>());
        services.TryAddTransient<RtaTokenHandler>();
        return services;
    }
}
