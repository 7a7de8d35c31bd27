using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealTimeAuth.Server.Hosting;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>
/// This receiver's side of a transmitter's stream management API (SSF 1.0 §7, §8) and RFC 8936 polling, authorized
/// with an OAuth client-credentials token (the transmitter's <c>authorization_schemes</c> urn:ietf:rfc:6749) that is
/// cached until shortly before it expires. Never logs a token or secret.
/// </summary>
internal sealed class SsfTransmitterClient(IHttpClientFactory httpClientFactory, IHostEnvironment environment, TimeProvider timeProvider)
{
    private const int MaxDocumentBytes = 1024 * 1024;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    /// <summary>Reads the metadata at the issuer's well-known address (SSF 1.0 §7.2) and checks its issuer is identical.</summary>
    public async Task<SsfTransmitterMetadata> GetMetadataAsync(TransmitterOptions transmitter, CancellationToken cancellationToken)
    {
        var address = transmitter.MetadataAddress is { } configured ? new Uri(configured) : SsfMetadataAddress.For(transmitter.Issuer);
        var root = await SendAsync(transmitter, HttpMethod.Get, address, null, token: null, cancellationToken) as JsonObject
            ?? throw new SsfTransmitterException($"The SSF metadata at {address} is not a JSON object.");
        if (Text(root, "issuer") != transmitter.Issuer)
        {
            throw new SsfTransmitterException($"The SSF metadata at {address} is for issuer {Text(root, "issuer")}, not {transmitter.Issuer}.");
        }

        return new SsfTransmitterMetadata(transmitter.Issuer, Url(root, "jwks_uri"), Url(root, "configuration_endpoint"), Url(root, "status_endpoint"),
            Url(root, "add_subject_endpoint"), Url(root, "remove_subject_endpoint"), Url(root, "verification_endpoint"),
            root["delivery_methods_supported"] is JsonArray methods ? [.. methods.Select(method => method?.ToString() ?? string.Empty)] : []);
    }

    public async Task<List<JsonObject>> ListStreamsAsync(TransmitterOptions transmitter, SsfTransmitterMetadata metadata, CancellationToken cancellationToken)
    {
        var node = await SendAsync(transmitter, HttpMethod.Get, Require(metadata.ConfigurationEndpoint, "configuration_endpoint"), null,
            await TokenAsync(transmitter, cancellationToken), cancellationToken);
        return node switch
        {
            JsonArray array => [.. array.OfType<JsonObject>()],
            JsonObject single => [single],
            _ => [],
        };
    }

    public async Task<JsonObject> CreateStreamAsync(TransmitterOptions transmitter, SsfTransmitterMetadata metadata, JsonObject configuration, CancellationToken cancellationToken) =>
        await SendAsync(transmitter, HttpMethod.Post, Require(metadata.ConfigurationEndpoint, "configuration_endpoint"), configuration,
            await TokenAsync(transmitter, cancellationToken), cancellationToken) as JsonObject
        ?? throw new SsfTransmitterException("The created stream is not a JSON object.");

    /// <summary>PATCH (update) the stream's receiver-supplied properties.</summary>
    public async Task<JsonObject> UpdateStreamAsync(TransmitterOptions transmitter, SsfTransmitterMetadata metadata, JsonObject changes, CancellationToken cancellationToken) =>
        await SendAsync(transmitter, HttpMethod.Patch, Require(metadata.ConfigurationEndpoint, "configuration_endpoint"), changes,
            await TokenAsync(transmitter, cancellationToken), cancellationToken) as JsonObject
        ?? throw new SsfTransmitterException("The updated stream is not a JSON object.");

    public async Task DeleteStreamAsync(TransmitterOptions transmitter, SsfTransmitterMetadata metadata, string streamId, CancellationToken cancellationToken) =>
        await SendAsync(transmitter, HttpMethod.Delete, WithQuery(Require(metadata.ConfigurationEndpoint, "configuration_endpoint"), streamId), null,
            await TokenAsync(transmitter, cancellationToken), cancellationToken);

    public async Task<JsonObject> GetStatusAsync(TransmitterOptions transmitter, SsfTransmitterMetadata metadata, string streamId, CancellationToken cancellationToken) =>
        await SendAsync(transmitter, HttpMethod.Get, WithQuery(Require(metadata.StatusEndpoint, "status_endpoint"), streamId), null,
            await TokenAsync(transmitter, cancellationToken), cancellationToken) as JsonObject
        ?? throw new SsfTransmitterException("The stream status is not a JSON object.");

    public async Task ChangeSubjectAsync(
        TransmitterOptions transmitter, SsfTransmitterMetadata metadata, string streamId, JsonObject subject, bool add, CancellationToken cancellationToken) =>
        await SendAsync(transmitter, HttpMethod.Post, Require(add ? metadata.AddSubjectEndpoint : metadata.RemoveSubjectEndpoint, add ? "add_subject_endpoint" : "remove_subject_endpoint"),
            new JsonObject { ["stream_id"] = streamId, ["subject"] = subject.DeepClone(), ["verified"] = true }, await TokenAsync(transmitter, cancellationToken), cancellationToken);

    /// <summary>SSF 1.0 §8.1.4.2: asks for a verification event carrying <paramref name="state"/>.</summary>
    public async Task RequestVerificationAsync(
        TransmitterOptions transmitter, SsfTransmitterMetadata metadata, string streamId, string state, CancellationToken cancellationToken) =>
        await SendAsync(transmitter, HttpMethod.Post, Require(metadata.VerificationEndpoint, "verification_endpoint"),
            new JsonObject { ["stream_id"] = streamId, ["state"] = state }, await TokenAsync(transmitter, cancellationToken), cancellationToken);

    /// <summary>RFC 8936 §2.4: one poll, acknowledging and reporting errors for what the previous one returned.</summary>
    public async Task<SsfPollResult> PollAsync(
        TransmitterOptions transmitter, Uri endpoint, IReadOnlyCollection<string> acks, IReadOnlyDictionary<string, (string Err, string Description)> errors,
        bool returnImmediately, int maxEvents, TimeSpan wait, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["maxEvents"] = maxEvents, ["returnImmediately"] = returnImmediately };
        if (acks.Count > 0)
        {
            body["ack"] = new JsonArray([.. acks.Select(jti => (JsonNode?)JsonValue.Create(jti))]);
        }

        if (errors.Count > 0)
        {
            var setErrs = new JsonObject();
            foreach (var (jti, (err, description)) in errors)
            {
                setErrs[jti] = new JsonObject { ["err"] = err, ["description"] = description };
            }

            body["setErrs"] = setErrs;
        }

        var response = await SendAsync(transmitter, HttpMethod.Post, endpoint, body, await TokenAsync(transmitter, cancellationToken), cancellationToken, RequestTimeout + wait) as JsonObject
            ?? throw new SsfTransmitterException("The poll response is not a JSON object.");
        var sets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (response["sets"] is JsonObject found)
        {
            foreach (var (jti, set) in found)
            {
                if (set is JsonValue value && value.TryGetValue<string>(out var compact))
                {
                    sets[jti] = compact;
                }
            }
        }

        return new SsfPollResult(sets);
    }

    private async Task<string> TokenAsync(TransmitterOptions transmitter, CancellationToken cancellationToken)
    {
        var key = TokenKey(transmitter);
        if (_tokens.TryGetValue(key, out var cached) && cached.Expires > timeProvider.GetUtcNow())
        {
            return cached.Token;
        }

        var endpoint = transmitter.TokenEndpoint is { } configured ? new Uri(configured) : await DiscoverTokenEndpointAsync(transmitter, cancellationToken);
        RequireSecure(transmitter, endpoint);
        using var http = Client(RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("scope", transmitter.ManagementScope)]),
        };
        // RFC 6749 §2.3.1: client_secret_basic, each part form-encoded.
        var credentials = Uri.EscapeDataString(transmitter.ClientId!) + ":" + Uri.EscapeDataString(transmitter.ClientSecret ?? string.Empty);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        using var response = await SendRawAsync(http, request, cancellationToken);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        if (!response.IsSuccessStatusCode || json is null || Text(json, "access_token") is not { } token)
        {
            throw new SsfTransmitterException($"The token endpoint {endpoint} refused the client credentials ({(int)response.StatusCode} {Text(json, "error")}).");
        }

        var lifetime = json["expires_in"] is JsonValue expires && expires.TryGetValue<int>(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
        _tokens[key] = (token, timeProvider.GetUtcNow() + lifetime * 0.8);
        return token;
    }

    private async Task<Uri> DiscoverTokenEndpointAsync(TransmitterOptions transmitter, CancellationToken cancellationToken)
    {
        var address = new Uri(transmitter.Issuer.TrimEnd('/') + "/.well-known/openid-configuration");
        var document = await SendAsync(transmitter, HttpMethod.Get, address, null, token: null, cancellationToken) as JsonObject;
        return Url(document, "token_endpoint") ?? throw new SsfTransmitterException($"{address} names no token_endpoint; set TokenEndpoint.");
    }

    private async Task<JsonNode?> SendAsync(TransmitterOptions transmitter, HttpMethod method, Uri uri, JsonObject? body, string? token, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        RequireSecure(transmitter, uri);
        using var http = Client(timeout ?? RequestTimeout);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await SendRawAsync(http, request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SsfTransmitterException($"{method} {uri} answered {(int)response.StatusCode}.");
        }

        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new SsfTransmitterException($"{method} {uri} answered something that is not JSON.", exception);
        }
    }

    private static async Task<HttpResponseMessage> SendRawAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new SsfTransmitterException($"{request.Method} {request.RequestUri} failed: {exception.Message}", exception);
        }
    }

    // Plain HTTP is a development convenience only, and only for a transmitter configured to allow it.
    private void RequireSecure(TransmitterOptions transmitter, Uri uri)
    {
        if (HttpsMetadata.IsRequired(transmitter.RequireHttpsMetadata, environment) && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new SsfTransmitterException($"{uri} is not HTTPS; set RequireHttpsMetadata to false only for a local development transmitter.");
        }
    }

    private HttpClient Client(TimeSpan timeout)
    {
        var http = httpClientFactory.CreateClient(TransmitterKeyStore.HttpClientName);
        http.Timeout = timeout;
        http.MaxResponseContentBufferSize = MaxDocumentBytes;
        return http;
    }

    private static string TokenKey(TransmitterOptions transmitter) => transmitter.Issuer + "\n" + transmitter.ClientId;

    private static Uri WithQuery(Uri endpoint, string streamId) => new UriBuilder(endpoint) { Query = "stream_id=" + Uri.EscapeDataString(streamId) }.Uri;

    private static Uri Require(Uri? endpoint, string name) => endpoint ?? throw new SsfTransmitterException($"The transmitter's metadata has no {name}.");

    internal static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Uri? Url(JsonObject? node, string name) => Uri.TryCreate(Text(node, name), UriKind.Absolute, out var uri) ? uri : null;
}
