using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Hosting;

public static class OptionsExtensions
{
    /// <summary>Binds a section and validates its data annotations at start, naming the keys to set.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
