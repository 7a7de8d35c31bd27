using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.DevIdp.Diagnostics;
using RealTimeAuth.DevIdp.Options;

namespace RealTimeAuth.DevIdp.Keys;

/// <summary>
/// The IdP's signing key (RSA, RS256, published in the JWKS) and encryption key (AES-256, for
/// authorization codes and refresh tokens). Taken from <c>DevIdp:SigningKeyPath</c> and
/// <c>DevIdp:EncryptionKeyPath</c> when set; otherwise generated once into <c>DevIdp:KeyDirectory</c>
/// and reused on every later start, so tokens and the JWKS survive restarts.
/// </summary>
internal sealed class DevIdpKeys : IDisposable
{
    private const string SigningFileName = "signing-rsa.pem";
    private const string EncryptionFileName = "encryption-aes256.key";
    private const int RsaKeySizeBits = 2048;
    private const int AesKeySizeBytes = 32;

    private readonly RSA _rsa;

    public DevIdpKeys(IOptions<DevIdpOptions> options, ILogger<DevIdpKeys> logger)
    {
        var settings = options.Value;
        (_rsa, SigningKey) = LoadSigningKey(settings, logger);
        EncryptionKey = LoadEncryptionKey(settings, logger);
    }

    /// <summary>The RSA key that signs identity and access tokens; its <c>kid</c> is its RFC 7638 thumbprint.</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>The symmetric key that encrypts the IdP's own tokens (codes, refresh tokens).</summary>
    public SymmetricSecurityKey EncryptionKey { get; }

    public void Dispose() => _rsa.Dispose();

    private static (RSA Rsa, RsaSecurityKey Key) LoadSigningKey(DevIdpOptions settings, ILogger logger)
    {
        var (path, pem, created) = Resolve(
            settings.SigningKeyPath,
            Path.Combine(settings.KeyDirectory, SigningFileName),
            () =>
            {
                using var fresh = RSA.Create(RsaKeySizeBits);
                return fresh.ExportPkcs8PrivateKeyPem();
            });

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException exception)
        {
            rsa.Dispose();
            throw new InvalidOperationException(
                $"The signing key file '{path}' holds no PEM RSA private key; set DevIdp:SigningKeyPath to one, or clear it to use a generated key.",
                exception);
        }

        var key = new RsaSecurityKey(rsa)
        {
            // A factory of its own: the shared default caches signature providers by key thumbprint,
            // so a later host in the same process (tests) would reuse one bound to this disposed RSA.
            CryptoProviderFactory = new CryptoProviderFactory(),
        };
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        Report(logger, "signing", key.KeyId, path, created);
        return (rsa, key);
    }

    private static SymmetricSecurityKey LoadEncryptionKey(DevIdpOptions settings, ILogger logger)
    {
        var (path, text, created) = Resolve(
            settings.EncryptionKeyPath,
            Path.Combine(settings.KeyDirectory, EncryptionFileName),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(AesKeySizeBytes)));

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException(
                $"The encryption key file '{path}' is not base64; DevIdp:EncryptionKeyPath must name a file holding 32 random bytes in base64.",
                exception);
        }

        if (bytes.Length != AesKeySizeBytes)
        {
            throw new InvalidOperationException(
                $"The encryption key in '{path}' is {bytes.Length} bytes; DevIdp:EncryptionKeyPath must hold exactly {AesKeySizeBytes} bytes (AES-256).");
        }

        var key = new SymmetricSecurityKey(bytes);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        Report(logger, "encryption", key.KeyId, path, created);
        return key;
    }

    private static (string Path, string Content, bool Created) Resolve(string? configuredPath, string defaultPath, Func<string> create)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            // A configured key is never generated: a typo must not silently mint a new key.
            if (!File.Exists(configuredPath))
            {
                throw new InvalidOperationException(
                    $"The key file '{configuredPath}' does not exist; fix the DevIdp key path setting or clear it to use a generated key.");
            }

            return (configuredPath, File.ReadAllText(configuredPath), false);
        }

        var (content, created) = KeyFile.ReadOrCreate(defaultPath, create);
        return (defaultPath, content, created);
    }

    private static void Report(ILogger logger, string kind, string keyId, string path, bool created)
    {
        if (created)
        {
            DevIdpLog.KeyGenerated(logger, kind, keyId, path);
            return;
        }

        DevIdpLog.KeyLoaded(logger, kind, keyId, path);
        KeyFile.WarnIfTooOpen(path, logger);
    }
}
