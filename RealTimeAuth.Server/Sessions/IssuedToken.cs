namespace RealTimeAuth.Server.Sessions;

/// <summary>A signed RTAToken in text form, with its sequence and the end of its freshness window.</summary>
public sealed record IssuedToken(string Text, uint Sequence, DateTimeOffset FreshUntil);
