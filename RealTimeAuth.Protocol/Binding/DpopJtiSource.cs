using System.Security.Cryptography;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// Random <c>jti</c> values: 128 bits each, where RFC 9449 §4.2 asks for at least 96. One call to
/// <see cref="RandomNumberGenerator"/> costs about 2 µs on Linux whatever its size up to a few hundred bytes, a tenth
/// of a proof, so each thread draws 32 values at once and hands each out exactly once. A jti is public (it travels in
/// the proof), so holding the next few in memory reveals nothing secret.
/// </summary>
internal static class DpopJtiSource
{
    public const int Length = 16;

    private const int BatchLength = 32 * Length;

    [ThreadStatic]
    private static byte[]? _batch;

    [ThreadStatic]
    private static int _next;

    /// <summary>Writes the next unused random value into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    public static void Next(Span<byte> destination)
    {
        if (_batch is null || _next == BatchLength)
        {
            _batch ??= new byte[BatchLength];
            RandomNumberGenerator.Fill(_batch);
            _next = 0;
        }

        _batch.AsSpan(_next, Length).CopyTo(destination);
        _next += Length;
    }
}
