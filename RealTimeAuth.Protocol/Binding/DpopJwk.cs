using System.Text.Json;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>The members of a DPoP proof's <c>jwk</c> header that its rules read, as found (RFC 7517 §4, RFC 8037 §2).</summary>
internal readonly ref struct DpopJwk
{
    private const int KtyBit = 1, CrvBit = 2, XBit = 4, DBit = 8;

    private DpopJwk(JsonMember kty, JsonMember crv, JsonMember x, bool hasPrivateKey, bool repeatsMember)
    {
        IsObject = true;
        Kty = kty;
        Crv = crv;
        X = x;
        HasPrivateKey = hasPrivateKey;
        RepeatsMember = repeatsMember;
    }

    /// <summary>False for the default value: no <c>jwk</c>, or one that is not an object.</summary>
    public bool IsObject { get; }

    public JsonMember Kty { get; }

    public JsonMember Crv { get; }

    public JsonMember X { get; }

    /// <summary>True when the key has a <c>d</c> member, whatever its value.</summary>
    public bool HasPrivateKey { get; }

    /// <summary>True when a member this reader knows appears twice; the header is then malformed.</summary>
    public bool RepeatsMember { get; }

    /// <summary>Reads the object the reader is positioned on, leaving the reader on its closing brace.</summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    /// <exception cref="InvalidOperationException">A string escapes a lone surrogate.</exception>
    public static DpopJwk Read(scoped ref Utf8JsonReader reader, Span<byte> scratch, scoped ref int used)
    {
        JsonMember kty = default, crv = default, x = default;
        int seen = 0;
        var hasPrivateKey = false;
        var repeatsMember = false;
        while (JoseJson.NextMember(ref reader))
        {
            var bit = reader.ValueTextEquals("kty"u8) ? KtyBit
                : reader.ValueTextEquals("crv"u8) ? CrvBit
                : reader.ValueTextEquals("x"u8) ? XBit
                : reader.ValueTextEquals("d"u8) ? DBit
                : 0;
            repeatsMember |= bit != 0 && !JoseJson.FirstTime(ref seen, bit);
            reader.Read();
            switch (bit)
            {
                case KtyBit:
                    kty = JsonMember.Read(ref reader, scratch, ref used);
                    break;
                case CrvBit:
                    crv = JsonMember.Read(ref reader, scratch, ref used);
                    break;
                case XBit:
                    x = JsonMember.Read(ref reader, scratch, ref used);
                    break;
                default:
                    hasPrivateKey |= bit == DBit;
                    reader.Skip();
                    break;
            }
        }

        return new DpopJwk(kty, crv, x, hasPrivateKey, repeatsMember);
    }
}
