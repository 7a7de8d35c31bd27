namespace RealTimeAuth.Sdk.Live;

/// <summary>Where the live channel is: the configured override, else the exchange's <c>live_channel.grpc</c> resolved against the server address.</summary>
internal static class LiveChannelAddress
{
    public static Uri Resolve(Uri? configured, Uri serverAddress, string? advertised)
    {
        if (configured is not null)
        {
            return configured;
        }

        if (string.IsNullOrWhiteSpace(advertised))
        {
            return serverAddress;
        }

        // An absolute address wins; a relative one (for example "/") is taken relative to the server.
        return Uri.TryCreate(advertised, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(serverAddress, advertised);
    }
}
