using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>
/// Stands in for the transmitters' and IdPs' web servers: serves JSON documents (JWKS, metadata) by URL to the
/// server's named HTTP clients, and counts the requests. Documents can be replaced at any time (key rotation).
/// </summary>
internal sealed class TransmitterDocuments : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<string>> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    public void Serve(string url, Func<string> document) => _documents[url] = document;

    public void ServeJwks(string url, params TestSigningKey[] keys) =>
        Serve(url, () => new JsonObject { ["keys"] = new JsonArray([.. keys.Select(key => (JsonNode)key.Jwk())]) }.ToJsonString());

    public int RequestsFor(string url) => _requests.GetValueOrDefault(url);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        _requests.AddOrUpdate(url, 1, (_, count) => count + 1);
        return Task.FromResult(_documents.TryGetValue(url, out var document)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(document(), Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
