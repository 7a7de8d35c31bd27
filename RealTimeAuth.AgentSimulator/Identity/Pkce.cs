using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>An RFC 7636 code verifier and its S256 challenge (§4.1, §4.2), plus random state and nonce values.</summary>
internal sealed class Pkce
{
    private Pkce(string verifier)
    {
        Verifier = verifier;
        Challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <summary>43 characters from 32 random bytes: RFC 7636 §4.1 asks for 43 to 128 unreserved characters.</summary>
    public string Verifier { get; }

    public string Challenge { get; }

    public static Pkce Create() => new(RandomValue());

    /// <summary>256 random bits, base64url.</summary>
    public static string RandomValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
