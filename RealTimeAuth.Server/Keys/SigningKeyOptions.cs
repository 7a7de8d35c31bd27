using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Keys;

/// <summary>RTAToken signing keys (configuration section <c>SigningKeys</c>).</summary>
public sealed class SigningKeyOptions
{
    public const string SectionName = "SigningKeys";

    public const int MinEncryptionKeyLength = 32;

    /// <summary>
    /// A random secret of at least 32 characters from which the AES-256 key that encrypts private
    /// signing keys at rest is derived (HKDF-SHA256). From user secrets, an Aspire secret parameter
    /// or the environment; never in a committed file.
    /// </summary>
    [Required(ErrorMessage = "Set SigningKeys:EncryptionKey to a random secret of at least 32 characters (for example `openssl rand -base64 32`).")]
    [MinLength(MinEncryptionKeyLength, ErrorMessage = "SigningKeys:EncryptionKey must be at least 32 characters.")]
    public string? EncryptionKey { get; set; }

    /// <summary>How long a key signs before a successor takes over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a new key is published for verification before it signs, so every replica knows
    /// it before the first token it signs arrives. Longer than the replicas' maximum staleness.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ActivationDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a superseded key still verifies: at least the token freshness window plus clock skew.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RetainAfterSuperseded { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the rotation schedule is checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
