using System.Buffers.Binary;

namespace RealTimeAuth.LoadDriver.Tests.Reporting;

/// <summary>Reads the size of a PNG from its header, and fails if the file is not one.</summary>
internal static class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, Signature.Length).SequenceEqual(Signature), $"{path} is not a PNG.");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
