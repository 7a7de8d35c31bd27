using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.DevIdp.Diagnostics;
using RealTimeAuth.DevIdp.Keys;
using RealTimeAuth.DevIdp.Options;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// The key that signs Security Event Tokens: P-256 (ES256), kept apart from the token signing key so a receiver
/// trusts it for SETs only. Loaded from <c>DevIdp:SharedSignals:SigningKeyPath</c>, or generated once into the key
/// directory like the IdP's other keys.
/// </summary>
internal sealed class SsfSigningKey : IDisposable
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;
    private const string FileName = "ssf-es256.pem";

    private readonly ECDsa _key;

    public SsfSigningKey(IOptions<DevIdpOptions> idp, IOptions<SsfTransmitterOptions> options, ILogger<SsfSigningKey> logger)
    {
        var configured = options.Value.SigningKeyPath;
        string path;
        string pem;
        var created = false;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(configured))
            {
                throw new InvalidOperationException($"The SET signing key file '{configured}' does not exist; fix DevIdp:SharedSignals:SigningKeyPath or clear it.");
            }

            path = configured;
            pem = File.ReadAllText(configured);
        }
        else
        {
            path = Path.Combine(idp.Value.KeyDirectory, FileName);
            (pem, created) = KeyFile.ReadOrCreate(path, () =>
            {
                using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                return fresh.ExportPkcs8PrivateKeyPem();
            });
        }

        _key = ECDsa.Create();
        try
        {
            _key.ImportFromPem(pem);
        }
        catch (ArgumentException exception)
        {
            _key.Dispose();
            throw new InvalidOperationException($"'{path}' holds no PEM EC private key; DevIdp:SharedSignals:SigningKeyPath must name a P-256 key.", exception);
        }

        var securityKey = new ECDsaSecurityKey(_key);
        KeyId = Base64UrlEncoder.Encode(securityKey.ComputeJwkThumbprint());
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(securityKey);
        PublicJwk = new Dictionary<string, string>
        {
            ["kty"] = jwk.Kty,
            ["crv"] = jwk.Crv,
            ["x"] = jwk.X,
            ["y"] = jwk.Y,
            ["kid"] = KeyId,
            ["use"] = "sig",
            ["alg"] = Algorithm,
        };
        if (created)
        {
            DevIdpLog.KeyGenerated(logger, "SET signing", KeyId, path);
        }
        else
        {
            DevIdpLog.KeyLoaded(logger, "SET signing", KeyId, path);
        }
    }

    public string KeyId { get; }

    /// <summary>The public key as a JWK (no private members).</summary>
    public IReadOnlyDictionary<string, string> PublicJwk { get; }

    /// <summary>ES256 signature (IEEE P1363, r‖s) over the JWS signing input.</summary>
    public byte[] Sign(ReadOnlySpan<byte> signingInput) => _key.SignData(signingInput, HashAlgorithmName.SHA256);

    public void Dispose() => _key.Dispose();
}
