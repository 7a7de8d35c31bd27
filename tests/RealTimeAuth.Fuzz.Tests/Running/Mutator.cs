namespace RealTimeAuth.Fuzz.Tests.Running;

/// <summary>Applies <see cref="Edit"/>s to bytes or text; <c>other</c> is a second valid input to splice with.</summary>
internal static class Mutator
{
    private static readonly byte[] BoundaryBytes = [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, 0x20, 0x2E, 0x3D, 0x22, 0x5C, 0x7B, 0x5B];

    /// <summary>Characters that mean something to one of the parsers: separators, padding, quotes, escapes, whitespace, non-ASCII.</summary>
    private const string BoundaryChars = "\0 \t\r\n.=+/-_\"\\{}[]:,&%;'()!<>|?\u00e9\u0080\uffff\ud800\udc00\u2028";

    private static readonly Symbols<byte> Bytes = new(
        static (old, bit) => (byte)(old ^ (1 << (bit % 8))),
        static value => BoundaryBytes[value % BoundaryBytes.Length],
        static value => (byte)value);

    private static readonly Symbols<char> Chars = new(
        static (old, bit) => (char)(old ^ (1 << (bit % 8))),
        static value => BoundaryChars[value % BoundaryChars.Length],
        static value => value % 8 == 0 ? (char)(value / 8 % 0x10000) : (char)(0x20 + (value % 0x5F)));

    public static byte[] Apply(ReadOnlySpan<byte> input, ReadOnlySpan<byte> other, IEnumerable<Edit> edits) => [.. Apply(input, other, edits, Bytes)];

    public static string Apply(string input, string other, IEnumerable<Edit> edits) => new([.. Apply(input.AsSpan(), other.AsSpan(), edits, Chars)]);

    private static List<T> Apply<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> other, IEnumerable<Edit> edits, Symbols<T> symbols)
    {
        var data = new List<T>(input.Length + 64);
        data.AddRange(input);
        foreach (var edit in edits)
        {
            var at = data.Count == 0 ? 0 : edit.Position % data.Count;
            var length = Math.Min(edit.Length, data.Count - at);
            switch (edit.Kind)
            {
                case EditKind.FlipBit when data.Count > 0:
                    data[at] = symbols.Flip(data[at], edit.Value);
                    break;
                case EditKind.SetBoundary when data.Count > 0:
                    data[at] = symbols.Boundary(edit.Value);
                    break;
                case EditKind.SetRandom when data.Count > 0:
                    data[at] = symbols.Random(edit.Value);
                    break;
                case EditKind.Insert:
                    data.InsertRange(at, Enumerable.Range(0, edit.Length).Select(i => symbols.Random((edit.Value / 2) + i)));
                    break;
                case EditKind.Delete:
                    data.RemoveRange(at, length);
                    break;
                case EditKind.Duplicate:
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
                case EditKind.Truncate:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case EditKind.Splice when other.Length > 0:
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other[(edit.Value % other.Length)..]);
                    break;
            }
        }

        return data;
    }

    private sealed record Symbols<T>(Func<T, int, T> Flip, Func<int, T> Boundary, Func<int, T> Random);
}
