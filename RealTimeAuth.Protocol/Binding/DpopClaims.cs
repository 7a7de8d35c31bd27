using System.Text.Json;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>The claims of a DPoP proof (RFC 9449 §4.2) that its rules read, as found; the rules decide what they mean.</summary>
internal ref struct DpopClaims
{
    private const int JtiBit = 1, HtmBit = 2, HtuBit = 4, IatBit = 8, AthBit = 16, NonceBit = 32;

    public JsonMember Jti { get; private set; }

    public JsonMember Htm { get; private set; }

    public JsonMember Htu { get; private set; }

    public JsonMember Ath { get; private set; }

    public JsonMember Nonce { get; private set; }

    /// <summary>True when <c>iat</c> is a finite JSON number (a NumericDate, RFC 7519 §2); its value is <see cref="IssuedAtSeconds"/>.</summary>
    public bool HasIssuedAt { get; private set; }

    public double IssuedAtSeconds { get; private set; }

    /// <summary>Reads the claims JSON. False when it is not one well-formed JSON object or repeats a claim this reader knows.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, Span<byte> scratch, out DpopClaims claims)
    {
        claims = default;
        try
        {
            if (!JoseJson.TryStartObject(json, out var reader))
            {
                return false;
            }

            int seen = 0, used = 0;
            while (JoseJson.NextMember(ref reader))
            {
                var bit = reader.ValueTextEquals("jti"u8) ? JtiBit
                    : reader.ValueTextEquals("htm"u8) ? HtmBit
                    : reader.ValueTextEquals("htu"u8) ? HtuBit
                    : reader.ValueTextEquals("iat"u8) ? IatBit
                    : reader.ValueTextEquals("ath"u8) ? AthBit
                    : reader.ValueTextEquals("nonce"u8) ? NonceBit
                    : 0;
                if (bit != 0 && !JoseJson.FirstTime(ref seen, bit))
                {
                    return false;
                }

                reader.Read();
                switch (bit)
                {
                    case JtiBit:
                        claims.Jti = JsonMember.Read(ref reader, scratch, ref used);
                        break;
                    case HtmBit:
                        claims.Htm = JsonMember.Read(ref reader, scratch, ref used);
                        break;
                    case HtuBit:
                        claims.Htu = JsonMember.Read(ref reader, scratch, ref used);
                        break;
                    case AthBit:
                        claims.Ath = JsonMember.Read(ref reader, scratch, ref used);
                        break;
                    case NonceBit:
                        claims.Nonce = JsonMember.Read(ref reader, scratch, ref used);
                        break;
                    case IatBit when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var seconds) && double.IsFinite(seconds):
                        claims.HasIssuedAt = true;
                        claims.IssuedAtSeconds = seconds;
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
