using System.Text;

namespace RealTimeAuth.Protocol.Contexts;

/// <summary>UTF-8 that refuses lone surrogates, so two different strings never encode to the same bytes.</summary>
internal static class StrictUtf8
{
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Require(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        try
        {
            Encoding.GetByteCount(value);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("The string is not well-formed UTF-16 (it holds a lone surrogate).", paramName, ex);
        }

        return value;
    }
}
