using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Keys;

/// <summary>
/// RTAToken signing keys (configuration section <c>SigningKeys</c>). The schedule tolerates replica clocks that disagree by
/// up to <c>Tokens:ClockSkew</c>; <see cref="SigningKeyOptionsValidator"/> holds the delays to it (ADR 0024).
/// </summary>
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
    /// How long a new key is published for verification before it signs, by the clock of the replica that created it.
    /// At least <c>Tokens:ClockSkew</c> plus <c>Replica:MaxStaleness</c>: a replica whose clock runs ahead must not sign
    /// with it before a replica behind, up to its staleness late, has loaded it. Default 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ActivationDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a superseded key still verifies, by the clock of the replica that removes it. At least
    /// <c>Tokens:FreshnessWindow</c> plus <c>Tokens:ClockSkew</c> plus <see cref="CheckInterval"/>: a replica behind signs
    /// with the old key until its own clock reaches the successor's activation, and a replica behind the remover still
    /// takes that token for a whole window.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RetainAfterSuperseded { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the rotation schedule is checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A well-formed token naming a key id this replica does not hold makes it re-read its keys, at most once per this
    /// interval however many such tokens arrive (a flood of forged key ids costs one read per interval). A token that
    /// arrives in between is refused <c>token-unknown-key</c> without a read. Default 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan UnknownKeyReloadInterval { get; set; } = TimeSpan.FromSeconds(1);
}
