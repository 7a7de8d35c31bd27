namespace RealTimeAuth.Sdk;

/// <summary>
/// A token source that can also prove possession of its session's key: <see cref="RtaClient"/> and
/// <see cref="RtaClientAccessor"/>. Internal, so the public API gains no key access; <see cref="RtaTokenHandler"/>
/// checks for it when it is built.
/// </summary>
internal interface IRtaProofSource
{
    /// <summary>The session whose token and key the next request uses; null when there is none.</summary>
    RtaClient? Session { get; }
}
