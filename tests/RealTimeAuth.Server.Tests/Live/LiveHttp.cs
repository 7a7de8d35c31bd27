using System.Net.Http.Headers;
using System.Text;
using RealTimeAuth.Server.Live;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>The JSON/SSE live channel as an agent calls it: its token and a fresh proof on every request.</summary>
internal static class LiveHttp
{
    public const string ReadDocuments = """{"action":"read","resource":{"type":"documents","id":"7"}}""";

    /// <summary>
    /// Opens <paramref name="path"/> with the agent's token (or <paramref name="token"/>) and, unless
    /// <paramref name="proof"/> says otherwise, a fresh proof; pass <see cref="NoProof"/> to send none.
    /// </summary>
    public static async Task<HttpResponseMessage> OpenEventsAsync(
        LiveServer server, HttpClient client, TestAgentSession agent, string path = LiveApi.EventsPath,
        string? token = null, string? proof = null, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("RTA", token ?? agent.Token);
        AddProof(request, proof ?? agent.Proof("GET", server.Uri(path), token));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(LiveServer.Timeout);
    }

    public static async Task<HttpResponseMessage> PostAuthorizeAsync(
        LiveServer server, HttpClient client, TestAgentSession agent, string json = ReadDocuments, string path = LiveApi.AuthorizePath,
        string? token = null, string? proof = null, string? nonce = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("RTA", token ?? agent.Token);
        }

        AddProof(request, proof ?? agent.Proof("POST", server.Uri(path), token, nonce));
        return await client.SendAsync(request).WaitAsync(LiveServer.Timeout);
    }

    /// <summary>Passed as a proof: send no <c>DPoP</c> header at all.</summary>
    public const string NoProof = "";

    private static void AddProof(HttpRequestMessage request, string proof)
    {
        if (proof.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("DPoP", proof);
        }
    }
}
