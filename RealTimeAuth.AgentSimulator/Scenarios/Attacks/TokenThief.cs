using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Protocol.Grpc;

namespace RealTimeAuth.AgentSimulator.Scenarios.Attacks;

/// <summary>
/// An attacker who copied a working agent's RTAToken (and, separately, the latest proof the agent sent with it) and
/// also knows the co-pilot client's credentials, trying every use of the token: open a live stream (gRPC and SSE),
/// authorize (gRPC and HTTP), and delegate a session of its own. It holds a key of its own, never the agent's.
/// Every request goes to the real server; nothing is mocked.
/// </summary>
internal sealed class TokenThief(
    HttpClient http, Uri liveChannelAddress, GrpcChannel liveChannel, AuthenticationHeaderValue clientCredentials, TimeProvider time) : IDisposable
{
    private const string ConnectPath = "/realtimeauth.v1.LiveChannel/Connect";
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly Key _ownKey = Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>Every attempt, in order; each is refused or it is a breach.</summary>
    public async Task<IReadOnlyList<AttackAttempt>> TryEverythingAsync(string stolenToken, string? oldProof, CancellationToken cancellationToken)
    {
        var mine = new DpopProofWriter(_ownKey, time);
        var ath = DpopAccessTokenHash.Compute(stolenToken);
        var connectUri = new Uri(liveChannelAddress, ConnectPath).ToString();
        var attempts = new List<AttackAttempt>
        {
            await ConnectAsync("open a gRPC stream with the token alone", stolenToken, proof: null, [DpopRejectionReasons.ProofMissing], cancellationToken),
            await ConnectAsync("open a gRPC stream with the token and a proof by the thief's own key", stolenToken,
                mine.Write("POST", connectUri, ath), [DpopRejectionReasons.WrongKey], cancellationToken),
            await StreamOverSseAsync("open an SSE stream with the token alone", stolenToken, cancellationToken),
            await AuthorizeOverHttpAsync("authorize over HTTP with the token alone", stolenToken, proof: null, [DpopRejectionReasons.ProofMissing], cancellationToken),
            await AuthorizeOverGrpcAsync("authorize over gRPC with the token alone", stolenToken, binding: null, [DpopRejectionReasons.ProofMissing], cancellationToken),
            await AuthorizeOverGrpcAsync("authorize over gRPC with the token and a guessed stream binding", stolenToken,
                binding: Convert.ToBase64String(Guid.NewGuid().ToByteArray()), [RtaBindingReasons.StreamBindingUnknown], cancellationToken),
            await DelegateAsync("delegate with the token and the thief's own key, without the parent's proof", stolenToken, mine, parentProof: null,
                [RtaBindingReasons.ParentProofMissing], cancellationToken),
            await DelegateAsync("delegate with the token, signing as the parent with the thief's own key", stolenToken, mine,
                parentProof: mine.Write("POST", TokenEndpoint, ath), [DpopRejectionReasons.WrongKey], cancellationToken),
        };

        if (oldProof is null)
        {
            attempts.Add(new AttackAttempt("replay the agent's own proof", [], false, "no proof of the agent was seen to replay", null));
            return attempts;
        }

        // A proof the agent really sent: accepted once, for one request, within a minute, so every replay fails.
        string[] replayed = [RtaBindingReasons.ReplayedProof, DpopRejectionReasons.StaleProof, DpopRejectionReasons.WrongUri, DpopRejectionReasons.WrongMethod];
        attempts.Add(await ConnectAsync("open a gRPC stream with the token and the agent's old proof", stolenToken, oldProof, replayed, cancellationToken));
        attempts.Add(await AuthorizeOverHttpAsync("authorize over HTTP with the token and the agent's old proof", stolenToken, oldProof, replayed, cancellationToken));
        attempts.Add(await DelegateAsync("delegate with the token, the agent's old proof as the parent's and the thief's own key", stolenToken, mine,
            oldProof, replayed, cancellationToken));
        return attempts;
    }

    public void Dispose() => _ownKey.Dispose();

    private string TokenEndpoint => new Uri(http.BaseAddress!, RtaExchangeNames.TokenEndpointPath).ToString();

    private async Task<AttackAttempt> ConnectAsync(string attempt, string token, string? proof, string[] expected, CancellationToken cancellationToken)
    {
        var client = new LiveChannel.LiveChannelClient(liveChannel);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AttemptTimeout);
        try
        {
            using var call = client.Connect(Headers(token, proof, RtaBindingNames.ProofHeader.ToLowerInvariant()), cancellationToken: deadline.Token);
            try
            {
                await call.RequestStream.WriteAsync(new ClientMessage { Hello = new Hello() }, deadline.Token);
            }
            catch (RpcException)
            {
                // The server may refuse the call before the hello is written; reading gives its status, not the write's.
            }

            var received = await call.ResponseStream.MoveNext(deadline.Token);
            return new AttackAttempt(attempt, expected, false, received ? $"stream opened: {call.ResponseStream.Current.KindCase}" : "stream opened and ended", null);
        }
        catch (RpcException refused)
        {
            return Refusal(attempt, expected, $"gRPC {refused.StatusCode}", refused.Status.Detail);
        }
    }

    private async Task<AttackAttempt> AuthorizeOverGrpcAsync(string attempt, string token, string? binding, string[] expected, CancellationToken cancellationToken)
    {
        var client = new LiveChannel.LiveChannelClient(liveChannel);
        var headers = Headers(token, proof: null, proofKey: null);
        if (binding is not null)
        {
            headers.Add(RtaBindingNames.StreamBindingMetadata, binding);
        }

        try
        {
            var answer = await client.AuthorizeAsync(
                new AuthorizeRequest { Action = "read", Resource = new Resource { Type = "records", Id = "stolen" } },
                headers, deadline: time.GetUtcNow().Add(AttemptTimeout).UtcDateTime, cancellationToken: cancellationToken);
            return new AttackAttempt(attempt, expected, false, $"answered: decision {answer.Decision} ({answer.Reason})", null);
        }
        catch (RpcException refused)
        {
            return Refusal(attempt, expected, $"gRPC {refused.StatusCode}", refused.Status.Detail);
        }
    }

    private async Task<AttackAttempt> AuthorizeOverHttpAsync(string attempt, string token, string? proof, string[] expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "live/v1/authorize")
        {
            Content = JsonContent.Create(new { action = "read", resource = new { type = "records", id = "stolen" } }),
        };
        return await SendAsync(attempt, request, token, proof, expected, cancellationToken);
    }

    private async Task<AttackAttempt> StreamOverSseAsync(string attempt, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "live/v1/events");
        return await SendAsync(attempt, request, token, proof: null, [DpopRejectionReasons.ProofMissing], cancellationToken);
    }

    private async Task<AttackAttempt> SendAsync(
        string attempt, HttpRequestMessage request, string token, string? proof, string[] expected, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue(RtaExchangeNames.TokenScheme, token);
        if (proof is not null)
        {
            request.Headers.Add(RtaBindingNames.ProofHeader, proof);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AttemptTimeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        if (response.IsSuccessStatusCode)
        {
            return new AttackAttempt(attempt, expected, false, $"HTTP {(int)response.StatusCode}: accepted", null);
        }

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
        var reason = problem.TryGetProperty("reason", out var value) ? value.GetString() : null;
        return Refusal(attempt, expected, $"HTTP {(int)response.StatusCode}", reason);
    }

    private async Task<AttackAttempt> DelegateAsync(
        string attempt, string parentToken, DpopProofWriter childKey, string? parentProof, string[] expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RtaExchangeNames.TokenEndpointPath.TrimStart('/'))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [RtaExchangeNames.Parameters.GrantType] = RtaExchangeNames.GrantType,
                [RtaExchangeNames.Parameters.SubjectToken] = parentToken,
                [RtaExchangeNames.Parameters.SubjectTokenType] = RtaExchangeNames.RtaTokenType,
                [RtaExchangeNames.Parameters.Nonce] = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
                [RtaExchangeNames.Parameters.AgentId] = $"thief-{Guid.NewGuid():N}",
                [RtaExchangeNames.Parameters.AgentKind] = "agent",
                [RtaExchangeNames.Parameters.Scope] = "records:read",
            }),
        };
        request.Headers.Authorization = clientCredentials;
        request.Headers.Add(RtaBindingNames.ProofHeader, childKey.Write("POST", TokenEndpoint));
        if (parentProof is not null)
        {
            request.Headers.Add(RtaBindingNames.ParentProofHeader, parentProof);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AttemptTimeout);
        using var response = await http.SendAsync(request, deadline.Token);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return new AttackAttempt(attempt, expected, false, "HTTP 200: a session was delegated to the thief", null);
        }

        var error = await response.Content.ReadFromJsonAsync<OAuthErrorResponse>(deadline.Token);
        var description = error?.ErrorDescription ?? string.Empty;
        var colon = description.IndexOf(':', StringComparison.Ordinal);
        return Refusal(attempt, expected, $"HTTP {(int)response.StatusCode} {error?.Error}", colon > 0 ? description[..colon] : null);
    }

    private static Metadata Headers(string token, string? proof, string? proofKey)
    {
        var headers = new Metadata { { "authorization", $"{RtaExchangeNames.TokenScheme} {token}" } };
        if (proof is not null && proofKey is not null)
        {
            headers.Add(proofKey, proof);
        }

        return headers;
    }

    private static AttackAttempt Refusal(string attempt, string[] expected, string status, string? reason) =>
        new(attempt, expected, true, reason is null ? status : $"{status}: {reason}", reason);
}
