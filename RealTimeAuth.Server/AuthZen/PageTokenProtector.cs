using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// Opaque search page tokens: base64url of the next offset, a hash of the query it belongs to and an
/// HMAC over both under a key that lives as long as the process. A token that was altered, or replayed
/// with another query, is rejected.
/// </summary>
internal sealed class PageTokenProtector
{
    private const int HashLength = 16;
    private const int MacLength = 16;
    private const int TokenLength = sizeof(int) + HashLength + MacLength;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Protect(int offset, string query)
    {
        var token = new byte[TokenLength];
        BinaryPrimitives.WriteInt32BigEndian(token, offset);
        QueryHash(query).CopyTo(token.AsSpan(sizeof(int)));
        Mac(token.AsSpan(0, sizeof(int) + HashLength)).CopyTo(token.AsSpan(sizeof(int) + HashLength));
        return Base64Url.EncodeToString(token);
    }

    public bool TryUnprotect(string token, string query, out int offset)
    {
        offset = 0;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != TokenLength
            || !CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, sizeof(int) + HashLength)), bytes.AsSpan(sizeof(int) + HashLength))
            || !CryptographicOperations.FixedTimeEquals(QueryHash(query), bytes.AsSpan(sizeof(int), HashLength)))
        {
            return false;
        }

        offset = BinaryPrimitives.ReadInt32BigEndian(bytes);
        return offset >= 0;
    }

    private static byte[] QueryHash(string query) => SHA256.HashData(Encoding.UTF8.GetBytes(query))[..HashLength];

    private byte[] Mac(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_key, data)[..MacLength];
}
