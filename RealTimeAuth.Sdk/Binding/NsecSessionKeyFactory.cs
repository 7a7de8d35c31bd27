using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Binding;

/// <summary>The default <see cref="IRtaSessionKeyFactory"/>: a fresh in-process key per session.</summary>
internal sealed class NsecSessionKeyFactory : IRtaSessionKeyFactory
{
    public static readonly NsecSessionKeyFactory Instance = new();

    public IDpopSigningKey CreateSessionKey() => new NsecSessionKey();
}
