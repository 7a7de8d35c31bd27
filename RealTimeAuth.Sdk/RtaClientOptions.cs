namespace RealTimeAuth.Sdk;

/// <summary>Where an agent finds its RealTimeAuth server.</summary>
public sealed class RtaClientOptions
{
    /// <summary>Base address of the RTA server, for example <c>https://server</c>.</summary>
    public Uri? ServerAddress { get; set; }
}
