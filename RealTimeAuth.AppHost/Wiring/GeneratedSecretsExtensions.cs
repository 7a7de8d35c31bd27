using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Wiring;

internal static class GeneratedSecretsExtensions
{
    public static GeneratedSecrets AddGeneratedSecrets(this IDistributedApplicationBuilder builder) =>
        new(
            builder.AddGeneratedSecret(ResourceNames.SigningKeyEncryptionKey),
            builder.AddGeneratedSecret(ResourceNames.CopilotClientSecret),
            builder.AddGeneratedSecret(ResourceNames.AgentClientSecret),
            builder.AddGeneratedSecret(ResourceNames.AdminConsoleClientSecret),
            builder.AddGeneratedSecret(ResourceNames.RtaServerClientSecret));

    /// <summary>A random secret generated on first run and kept in the app host's user secrets.</summary>
    private static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
}
