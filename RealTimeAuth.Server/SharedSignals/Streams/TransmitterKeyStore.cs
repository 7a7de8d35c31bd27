using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Server.Hosting;

namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>
/// The transmitters' signing keys, read from each stream's JWKS (directly or through its SSF metadata) and cached.
/// An unknown <c>kid</c> reads the JWKS again, at most once per <see cref="SharedSignalsOptions.KeyRefreshMinInterval"/>,
/// so a rotated key is found at once and forged kids cannot make this server hammer the transmitter.
/// </summary>
internal sealed partial class TransmitterKeyStore(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<SharedSignalsOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<TransmitterKeyStore> logger)
{
    public const string HttpClientName = "ssf-transmitters";
    private const int MaxDocumentBytes = 256 * 1024;
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan NoKeysRetryInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>
    /// The stream's keys that may have signed a SET with <paramref name="keyId"/> (all keys when it names none).
    /// Empty when no such key exists even after a permitted refresh.
    /// </summary>
    /// <exception cref="TransmitterUnavailableException">No keys could ever be read for the stream.</exception>
    public async Task<IReadOnlyList<JsonWebKey>> FindAsync(SsfStreamDescriptor stream, string? keyId, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(stream.Id, _ => new Entry());
        var now = timeProvider.GetUtcNow();
        var sinceAttempt = now - entry.LastAttempt;
        if (entry.Keys is null)
        {
            // Never read: try at once, but not for every push while the transmitter is down. A read still under way
            // is waited for in RefreshAsync, not taken for a failure.
            ThrowIfFailedRecently(stream, entry, now);
            await RefreshAsync(stream, entry, force: true, cancellationToken);
        }
        else if (now - entry.FetchedAt >= options.CurrentValue.KeyCacheLifetime && sinceAttempt >= options.CurrentValue.KeyRefreshMinInterval)
        {
            await RefreshAsync(stream, entry, force: false, cancellationToken);
        }

        var found = Select(entry.Keys!, keyId);
        if (found.Count == 0 && keyId is not null && timeProvider.GetUtcNow() - entry.LastAttempt >= options.CurrentValue.KeyRefreshMinInterval)
        {
            LogUnknownKeyId(logger, stream.Issuer);
            await RefreshAsync(stream, entry, force: false, cancellationToken);
            found = Select(entry.Keys!, keyId);
        }

        return found;
    }

    /// <summary>Forgets cached keys, e.g. after a stream's key source changed.</summary>
    public void Invalidate(Guid streamId) => _entries.TryRemove(streamId, out _);

    private static void ThrowIfFailedRecently(SsfStreamDescriptor stream, Entry entry, DateTimeOffset now)
    {
        if (now - entry.FailedAt < NoKeysRetryInterval)
        {
            throw new TransmitterUnavailableException($"The keys of transmitter {stream.Issuer} could not be read a moment ago.");
        }
    }

    private static List<JsonWebKey> Select(IReadOnlyList<JsonWebKey> keys, string? keyId) =>
        keyId is null ? [.. keys] : [.. keys.Where(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal))];

    private async Task RefreshAsync(SsfStreamDescriptor stream, Entry entry, bool force, CancellationToken cancellationToken)
    {
        var lastAttempt = entry.LastAttempt;
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller refreshed while this one waited: use its result (or its failure).
            if (entry.Keys is not null && (force || entry.LastAttempt != lastAttempt))
            {
                return;
            }

            if (force)
            {
                ThrowIfFailedRecently(stream, entry, timeProvider.GetUtcNow());
            }

            entry.LastAttempt = timeProvider.GetUtcNow();
            try
            {
                entry.Keys = await FetchKeysAsync(stream, cancellationToken);
                entry.FetchedAt = entry.LastAttempt;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException
                or ArgumentException or InvalidOperationException or TransmitterUnavailableException && !cancellationToken.IsCancellationRequested)
            {
                LogKeysUnavailable(logger, stream.Issuer, exception.GetType().Name, exception.Message);
                if (entry.Keys is null || force)
                {
                    entry.FailedAt = entry.LastAttempt;
                    throw exception as TransmitterUnavailableException
                        ?? new TransmitterUnavailableException($"The keys of transmitter {stream.Issuer} could not be read.", exception);
                }

                // Keep the keys we have: a transmitter's brief outage must not stop SETs signed with known keys.
            }
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<IReadOnlyList<JsonWebKey>> FetchKeysAsync(SsfStreamDescriptor stream, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FetchTimeout);
        using var http = httpClientFactory.CreateClient(HttpClientName);
        http.MaxResponseContentBufferSize = MaxDocumentBytes;

        var jwksUri = stream.JwksUri is { } configured
            ? new Uri(configured, UriKind.Absolute)
            : await DiscoverJwksUriAsync(http, stream, timeout.Token);
        RequireSecure(stream, jwksUri);
        var json = await http.GetStringAsync(jwksUri, timeout.Token);
        var keys = new JsonWebKeySet(json).Keys;
        LogKeysRead(logger, stream.Issuer, keys.Count);
        return [.. keys];
    }

    private async Task<Uri> DiscoverJwksUriAsync(HttpClient http, SsfStreamDescriptor stream, CancellationToken cancellationToken)
    {
        var address = stream.MetadataAddress is { } configured ? new Uri(configured, UriKind.Absolute) : SsfMetadataAddress.For(stream.Issuer);
        RequireSecure(stream, address);
        using var document = JsonDocument.Parse(await http.GetStringAsync(address, cancellationToken));
        var root = document.RootElement;
        // SSF 1.0 §7.2: the metadata's issuer must be identical to the issuer it was read for.
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("issuer", out var issuer) || issuer.ValueKind != JsonValueKind.String
            || issuer.GetString() != stream.Issuer)
        {
            throw new TransmitterUnavailableException($"The SSF metadata at {address} is not for issuer {stream.Issuer}.");
        }

        if (!root.TryGetProperty("jwks_uri", out var jwks) || jwks.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(jwks.GetString(), UriKind.Absolute, out var jwksUri))
        {
            throw new TransmitterUnavailableException($"The SSF metadata at {address} has no jwks_uri.");
        }

        return jwksUri;
    }

    // Plain HTTP is a development convenience only, and only for a stream that asks for it.
    private void RequireSecure(SsfStreamDescriptor stream, Uri uri)
    {
        var requireHttps = HttpsMetadata.IsRequired(stream.RequireHttps, environment);
        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new TransmitterUnavailableException($"{uri} is not HTTPS; set RequireHttpsMetadata to false only for a local development transmitter.");
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public IReadOnlyList<JsonWebKey>? Keys { get; set; }

        public DateTimeOffset FetchedAt { get; set; }

        public DateTimeOffset LastAttempt { get; set; } = DateTimeOffset.MinValue;

        /// <summary>When a read of a stream without keys last failed.</summary>
        public DateTimeOffset FailedAt { get; set; } = DateTimeOffset.MinValue;
    }

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Read {Count} keys of transmitter {Issuer}")]
    private static partial void LogKeysRead(ILogger logger, string issuer, int count);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Keys of transmitter {Issuer} could not be read ({Error}: {Reason})")]
    private static partial void LogKeysUnavailable(ILogger logger, string issuer, string error, string reason);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "A SET from {Issuer} names an unknown key id; reading its JWKS again")]
    private static partial void LogUnknownKeyId(ILogger logger, string issuer);
}
