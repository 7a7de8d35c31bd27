namespace RealTimeAuth.Server.Live;

/// <summary>
/// How a stream begins: where its sequence resumes, and the token it was opened with (a stale one
/// gets a fresh token at once; otherwise the first refresh is due relative to its issue time).
/// </summary>
internal sealed record LiveStreamStart(ulong ResumeAfter, bool TokenStale, DateTimeOffset TokenIssuedAt);
