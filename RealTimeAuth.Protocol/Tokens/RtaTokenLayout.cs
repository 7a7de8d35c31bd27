namespace RealTimeAuth.Protocol.Tokens;

/// <summary>
/// The fixed binary layout of an RTAToken, format version 1: 128 bytes, integers big-endian.
/// See docs/adr/0001-rtatoken-format.md.
/// </summary>
/// <remarks>
/// <code>
/// offset size field
///      0    8 header: version (1), flags (1), key id (2), sequence (4)
///      8   16 session id
///     24   32 context hash (SHA-256 of the canonical security context)
///     56    8 issue time, Unix milliseconds
///     64   64 Ed25519 signature over bytes 0..63
/// </code>
/// </remarks>
public static class RtaTokenLayout
{
    /// <summary>The only format version this library reads and writes.</summary>
    public const byte CurrentVersion = 1;

    /// <summary>Total length of a token in bytes.</summary>
    public const int Length = 128;

    /// <summary>Length of the unpadded base64url text form: ceil(128 * 4 / 3).</summary>
    public const int TextLength = 171;

    /// <summary>Number of leading bytes covered by the signature.</summary>
    public const int SignedLength = 64;

    public const int VersionOffset = 0;
    public const int FlagsOffset = 1;
    public const int KeyIdOffset = 2;
    public const int SequenceOffset = 4;
    public const int SessionIdOffset = 8;
    public const int SessionIdLength = 16;
    public const int ContextHashOffset = 24;
    public const int ContextHashLength = 32;
    public const int TimestampOffset = 56;
    public const int SignatureOffset = 64;
    public const int SignatureLength = 64;
}
