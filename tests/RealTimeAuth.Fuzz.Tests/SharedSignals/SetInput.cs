namespace RealTimeAuth.Fuzz.Tests.SharedSignals;

/// <summary>A body for the SET validator; <see cref="Resigned"/> when the mutation was made before signing.</summary>
internal sealed record SetInput(string Compact, bool Resigned, int? Original);
