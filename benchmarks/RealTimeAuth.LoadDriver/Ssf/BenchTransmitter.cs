using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace RealTimeAuth.LoadDriver.Ssf;

/// <summary>
/// The driver as a Shared Signals transmitter on loopback: an ES256 key served as a JWKS on 127.0.0.1, SETs signed
/// with it, pushed to the server's <c>/ssf/events</c> with the stream's Authorization header.
/// </summary>
internal sealed class BenchTransmitter : IAsyncDisposable
{
    public const string Audience = "rta-load-driver";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly WebApplication _app;
    private readonly string _kid = Guid.NewGuid().ToString("N");

    private BenchTransmitter(WebApplication app) => _app = app;

    public string Issuer { get; private set; } = string.Empty;

    public string Authorization { get; } = "Bearer " + Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public static async Task<BenchTransmitter> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var transmitter = new BenchTransmitter(app);
        app.MapGet("/jwks", () => Results.Text(transmitter.Jwks(), "application/json"));
        await app.StartAsync();
        transmitter.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return transmitter;
    }

    /// <summary>Server settings that trust this transmitter for users of <paramref name="subjectIssuer"/>.</summary>
    public Dictionary<string, string?> ServerSettings(string subjectIssuer) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["SharedSignals:Transmitters:0:Issuer"] = Issuer,
        ["SharedSignals:Transmitters:0:Audience"] = Audience,
        ["SharedSignals:Transmitters:0:JwksUri"] = Issuer + "jwks",
        ["SharedSignals:Transmitters:0:PushAuthorization"] = Authorization,
        ["SharedSignals:Transmitters:0:AllowedClaims:0"] = "user.risk_level",
        ["SharedSignals:Transmitters:0:SubjectIssuers:0"] = subjectIssuer,
        ["SharedSignals:Transmitters:0:RequireHttpsMetadata"] = "false",
        ["SharedSignals:ApplyPollInterval"] = "00:00:00.050",
    };

    public string Sign(string eventType, string subjectIssuer, string subject, JsonObject payload)
    {
        var claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["aud"] = Audience,
            ["sub_id"] = new JsonObject { ["format"] = "iss_sub", ["iss"] = subjectIssuer, ["sub"] = subject },
            ["events"] = new JsonObject { [eventType] = payload },
        };
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "secevent+jwt", ["kid"] = _kid };
        var input = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(claims.ToJsonString());
        return input + "." + Base64UrlEncoder.Encode(_key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }

    private string Jwks()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["kid"] = _kid,
            ["alg"] = "ES256",
            ["use"] = "sig",
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
        };
        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
