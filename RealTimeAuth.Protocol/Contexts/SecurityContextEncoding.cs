using System.Buffers.Binary;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Contexts;

/// <summary>
/// The canonical byte encoding of a <see cref="SecurityContext"/>, version 1, over which the token's
/// ContextHash (SHA-256) is computed. Deterministic and unambiguous: every variable-length item carries
/// its length, every value its type tag, so two different contexts never share an encoding.
/// </summary>
/// <remarks>
/// <code>
/// context   = "RTA-CTX" (7 ASCII bytes) %x01 (version) count:u32 attribute*
/// attribute = name:str tag:u8 value          ; sorted by name in Unicode code point order
///                                            ; (= byte order of the UTF-8 names), names unique
/// str       = length:u32 UTF-8 bytes         ; length in bytes; no BOM, no normalisation
/// value     = %x01 str                       ; String
///           / %x02 i64                       ; Int64, two's complement
///           / %x03 (%x00 / %x01)             ; Boolean
///           / %x04 count:u32 str*            ; StringList, items in the list's own order
///           / %x05 f64                       ; Double, IEEE 754 binary64, finite, -0 written as +0
/// u32, i64, f64 are big-endian.
/// </code>
/// A string list keeps its order and duplicates (a delegation chain is ordered); a caller that means a set
/// builds it with <see cref="SecurityAttributeValue.FromStringSet"/>, which sorts by code point and removes
/// duplicates before encoding.
/// </remarks>
public static class SecurityContextEncoding
{
    /// <summary>The encoding version byte that follows the domain prefix.</summary>
    public const byte Version = 1;

    private static ReadOnlySpan<byte> Prefix => "RTA-CTX"u8;

    /// <summary>Encodes <paramref name="context"/> canonically.</summary>
    public static byte[] Encode(SecurityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var buffer = new byte[MeasureContext(context)];
        var writer = new Writer(buffer);
        writer.Write(Prefix);
        writer.Write(Version);
        writer.WriteUInt32((uint)context.Count);
        foreach (var (name, value) in context.Attributes)
        {
            writer.WriteString(name);
            writer.Write((byte)value.Kind);
            WriteValue(ref writer, value);
        }

        return buffer;
    }

    /// <summary>SHA-256 of <see cref="Encode"/>.</summary>
    public static RtaContextHash ComputeHash(SecurityContext context) => RtaContextHash.Compute(Encode(context));

    private static void WriteValue(ref Writer writer, SecurityAttributeValue value)
    {
        switch (value.Kind)
        {
            case SecurityAttributeKind.String:
                writer.WriteString(value.AsString());
                break;
            case SecurityAttributeKind.Boolean:
                writer.Write((byte)value.Bits);
                break;
            case SecurityAttributeKind.Int64:
            case SecurityAttributeKind.Double:
                writer.WriteInt64(value.Bits);
                break;
            case SecurityAttributeKind.StringList:
                var list = value.AsStringList();
                writer.WriteUInt32((uint)list.Length);
                foreach (var item in list)
                {
                    writer.WriteString(item);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown attribute kind {value.Kind}.");
        }
    }

    private static int MeasureContext(SecurityContext context)
    {
        var size = Prefix.Length + 1 + 4;
        foreach (var (name, value) in context.Attributes)
        {
            size = checked(size + MeasureString(name) + 1 + MeasureValue(value));
        }

        return size;
    }

    private static int MeasureValue(SecurityAttributeValue value) => value.Kind switch
    {
        SecurityAttributeKind.String => MeasureString(value.AsString()),
        SecurityAttributeKind.Boolean => 1,
        SecurityAttributeKind.Int64 or SecurityAttributeKind.Double => 8,
        SecurityAttributeKind.StringList => value.AsStringList().Aggregate(4, static (sum, item) => checked(sum + MeasureString(item))),
        _ => throw new InvalidOperationException($"Unknown attribute kind {value.Kind}."),
    };

    private static int MeasureString(string value) => checked(4 + StrictUtf8.Encoding.GetByteCount(value));

    private ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _position;

        public void Write(byte value) => _buffer[_position++] = value;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer[_position..]);
            _position += bytes.Length;
        }

        public void WriteUInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_buffer[_position..], value);
            _position += 4;
        }

        public void WriteInt64(long value)
        {
            BinaryPrimitives.WriteInt64BigEndian(_buffer[_position..], value);
            _position += 8;
        }

        public void WriteString(string value)
        {
            var length = StrictUtf8.Encoding.GetBytes(value, _buffer[(_position + 4)..]);
            WriteUInt32((uint)length);
            _position += length;
        }
    }
}
