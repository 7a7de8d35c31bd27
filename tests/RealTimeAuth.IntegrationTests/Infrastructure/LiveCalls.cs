using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>The two transports of the live channel's authorize call.</summary>
public enum LiveTransport
{
    /// <summary>Unary <c>realtimeauth.v1.LiveChannel/Authorize</c> over h2c.</summary>
    Grpc,

    /// <summary><c>POST /live/v1/authorize</c> over HTTP/1.1.</summary>
    Json,
}

/// <summary>What the server answered: a decision, or a refusal of the token with its stable reason.</summary>
internal sealed record LiveAnswer(bool Refused, bool Allowed, string Reason, string Status)
{
    public override string ToString() => Refused ? $"refused {Status} {Reason}" : $"{(Allowed ? "allowed" : "denied")} {Reason}";
}

/// <summary>
/// Raw live channel calls with any token, as an attacker or a stale client would make them: with the session's
/// <see cref="ProofKey"/> they carry a fresh proof of possession, as the agent itself would; without it, none.
/// </summary>
internal static class LiveCalls
{
    private const string ReasonTrailer = "rta-reason";
    private const string ConnectPath = "realtimeauth.v1.LiveChannel/Connect";
    private const string AuthorizePath = "realtimeauth.v1.LiveChannel/Authorize";

    public static Task<LiveAnswer> AuthorizeAsync(
        ServerHost server, LiveTransport transport, string? token, string action, string resourceType, CancellationToken cancellationToken,
        ProofKey? key = null) =>
        transport == LiveTransport.Grpc
            ? AuthorizeByGrpcAsync(server, token, action, resourceType, key, cancellationToken)
            : AuthorizeByJsonAsync(server, token, action, resourceType, key, cancellationToken);

    /// <summary>
    /// Opens a gRPC stream with <paramref name="token"/>, sends Hello and reads the first message: the server's
    /// first push when it admitted the stream, otherwise its refusal.
    /// </summary>
    public static async Task<(ServerMessage? First, LiveAnswer? Refusal)> OpenStreamAsync(
        ServerHost server, string token, CancellationToken cancellationToken, ProofKey? key = null)
    {
        using var call = server.LiveChannel.Connect(Headers(token, key, new Uri(server.GrpcAddress, ConnectPath)), cancellationToken: cancellationToken);
        try
        {
            try
            {
                await call.RequestStream.WriteAsync(new ClientMessage { Hello = new Hello() }, cancellationToken);
            }
            catch (RpcException)
            {
                // The server may refuse before it reads the hello; the write then fails with a local status (often
                // Cancelled) and the server's own status and reason arrive on the response stream below.
            }

            if (await call.ResponseStream.MoveNext(cancellationToken))
            {
                return (call.ResponseStream.Current, null);
            }

            return (null, new LiveAnswer(true, false, call.GetTrailers().GetValue(ReasonTrailer) ?? string.Empty, call.GetStatus().StatusCode.ToString()));
        }
        catch (RpcException exception)
        {
            return (null, Refusal(exception));
        }
    }

    /// <summary>Opens the Server-Sent Events stream with <paramref name="token"/>; the refusal, or null when the stream started.</summary>
    public static async Task<LiveAnswer?> OpenEventsAsync(ServerHost server, string token, CancellationToken cancellationToken, ProofKey? key = null)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "live/v1/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("RTA", token);
        Prove(request, new Uri(server.BaseAddress, "live/v1/events"), token, key);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ProblemAsync(response, cancellationToken);
    }

    private static async Task<LiveAnswer> AuthorizeByGrpcAsync(
        ServerHost server, string? token, string action, string resourceType, ProofKey? key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await server.LiveChannel.AuthorizeAsync(
                new AuthorizeRequest { Action = action, Resource = new Resource { Type = resourceType, Id = "r-1" } },
                Headers(token, key, new Uri(server.GrpcAddress, AuthorizePath)),
                cancellationToken: cancellationToken);
            return new LiveAnswer(false, response.Decision, response.Reason, StatusCode.OK.ToString());
        }
        catch (RpcException exception)
        {
            return Refusal(exception);
        }
    }

    private static async Task<LiveAnswer> AuthorizeByJsonAsync(
        ServerHost server, string? token, string action, string resourceType, ProofKey? key, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "live/v1/authorize")
        {
            Content = JsonContent.Create(new { action, resource = new { type = resourceType, id = "r-1" } }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("RTA", token);
            Prove(request, new Uri(server.BaseAddress, "live/v1/authorize"), token, key);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await ProblemAsync(response, cancellationToken);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new LiveAnswer(false, body.GetProperty("decision").GetBoolean(), body.GetProperty("reason").GetString() ?? string.Empty, "200");
    }

    private static async Task<LiveAnswer> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var reason = body.TryGetProperty("reason", out var value) ? value.GetString() ?? string.Empty : string.Empty;
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // RFC 6750 §3 style: the challenge names the same reason, or no error at all when no token was sent.
            var challenge = response.Headers.WwwAuthenticate.ToString();
            if (reason == "token-missing")
            {
                Assert.Equal("RTA", challenge);
            }
            else if (challenge.StartsWith("DPoP ", StringComparison.Ordinal))
            {
                // RFC 9449 §7.1: a proof refusal challenges with DPoP; the reason is in the problem.
                Assert.Contains("error=\"", challenge, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(reason, challenge, StringComparison.Ordinal);
            }
        }

        return new LiveAnswer(true, false, reason, status);
    }

    private static LiveAnswer Refusal(RpcException exception) =>
        new(true, false, exception.Trailers.GetValue(ReasonTrailer) ?? exception.Status.Detail, exception.StatusCode.ToString());

    private static Metadata Headers(string? token, ProofKey? key, Uri target)
    {
        if (token is null)
        {
            return [];
        }

        var headers = new Metadata { { "authorization", $"RTA {token}" } };
        if (key is not null)
        {
            headers.Add("dpop", key.Prove(HttpMethod.Post, target, token));
        }

        return headers;
    }

    private static void Prove(HttpRequestMessage request, Uri target, string token, ProofKey? key)
    {
        if (key is not null)
        {
            request.Headers.Add("DPoP", key.Prove(request.Method, target, token));
        }
    }
}
