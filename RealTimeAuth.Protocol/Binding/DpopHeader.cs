using System.Text.Json;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>The members of a DPoP proof's JOSE header that its rules read, as found; the rules decide what they mean.</summary>
internal ref struct DpopHeader
{
    private const int TypBit = 1, AlgBit = 2, JwkBit = 4, CritBit = 8;

    public JsonMember Typ { get; private set; }

    public JsonMember Alg { get; private set; }

    /// <summary>The <c>jwk</c> member; the default value when it is absent or not an object.</summary>
    public DpopJwk Jwk { get; private set; }

    /// <summary>
    /// Reads the header JSON. False when it is not one well-formed JSON object, repeats a member this reader knows,
    /// or has <c>crit</c>: this server understands no extension, so RFC 7515 §4.1.11 requires refusing any it is asked to.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, Span<byte> scratch, out DpopHeader header)
    {
        header = default;
        try
        {
            if (!JoseJson.TryStartObject(json, out var reader))
            {
                return false;
            }

            int seen = 0, used = 0;
            while (JoseJson.NextMember(ref reader))
            {
                var bit = reader.ValueTextEquals("typ"u8) ? TypBit
                    : reader.ValueTextEquals("alg"u8) ? AlgBit
                    : reader.ValueTextEquals("jwk"u8) ? JwkBit
                    : reader.ValueTextEquals("crit"u8) ? CritBit
                    : 0;
                if (bit == CritBit || (bit != 0 && !JoseJson.FirstTime(ref seen, bit)))
                {
                    return false;
                }

                reader.Read();
                switch (bit)
                {
                    case TypBit:
                        header.Typ = JsonMember.Read(ref reader, scratch, ref used);
                        break;
                    case AlgBit:
                        header.Alg = JsonMember.Read(ref reader, scratch, ref used);
                        break;
                    case JwkBit when reader.TokenType == JsonTokenType.StartObject:
                        header.Jwk = DpopJwk.Read(ref reader, scratch, ref used);
                        if (header.Jwk.RepeatsMember)
                        {
                            return false;
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return JoseJson.AtEnd(ref reader);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
