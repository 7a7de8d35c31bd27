namespace RealTimeAuth.Server.Hosting;

/// <summary>
/// The one rule for plain-HTTP metadata (issuers, JWKS, transmitters): HTTPS is required unless the setting allows plain
/// HTTP and the host runs in Development, so a development relaxation can never reach another environment.
/// </summary>
public static class HttpsMetadata
{
    public static bool IsRequired(bool requireHttpsMetadata, IHostEnvironment environment) =>
        requireHttpsMetadata || !environment.IsDevelopment();
}
