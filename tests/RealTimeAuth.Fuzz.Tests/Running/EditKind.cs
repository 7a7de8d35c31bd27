namespace RealTimeAuth.Fuzz.Tests.Running;

/// <summary>The mutations of <see cref="Edit"/>.</summary>
internal enum EditKind
{
    FlipBit,
    SetBoundary,
    SetRandom,
    Insert,
    Delete,
    Duplicate,
    Truncate,
    Splice,
}
