using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>
/// A <c>POST /oauth/token</c> that records requests, verifies their proofs as the server will (the new key's
/// <c>DPoP</c>, and on a delegated exchange the parent key's <c>RTA-Parent-DPoP</c>), and answers with a new session
/// bound to the new key, or with the error it is told to give.
/// </summary>
internal sealed class FakeTokenEndpoint
{
    private readonly ConcurrentQueue<RecordedExchange> _requests = new();
    private readonly ConcurrentDictionary<string, string> _sessionsByToken = new();
    private readonly ConcurrentDictionary<string, string> _keysBySession = new();
    private int _sessions;

    public IReadOnlyList<RecordedExchange> Requests => [.. _requests];

    /// <summary>Proof verification, shared with the live channel.</summary>
    public FakeProofs Proofs { get; } = new();

    /// <summary>The <c>live_channel.grpc</c> value to advertise.</summary>
    public string GrpcAddress { get; set; } = "/";

    /// <summary>When set, every request fails with this OAuth error.</summary>
    public (int Status, string Error, string Description)? Failure { get; set; }

    /// <summary>Remembers that <paramref name="token"/> belongs to <paramref name="sessionId"/>, as a pushed refresh would.</summary>
    public void Register(string token, string sessionId) => _sessionsByToken[token] = sessionId;

    /// <summary>The key thumbprint a session is bound to.</summary>
    public string KeyOf(string sessionId) => _keysBySession[sessionId];

    /// <summary>The key thumbprint of the session a token names; null for a token this endpoint did not issue or register.</summary>
    public string? KeyOfToken(string? token) =>
        token is not null && _sessionsByToken.TryGetValue(token, out var session) ? _keysBySession.GetValueOrDefault(session) : null;

    public async Task HandleAsync(HttpContext context) => await (await RespondAsync(context)).ExecuteAsync(context);

    private async Task<IResult> RespondAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        var delegated = fields.GetValueOrDefault(RtaExchangeNames.Parameters.SubjectTokenType) == RtaExchangeNames.RtaTokenType;
        var subjectToken = fields.GetValueOrDefault(RtaExchangeNames.Parameters.SubjectToken);
        var parent = delegated && subjectToken is not null ? _sessionsByToken.GetValueOrDefault(subjectToken) : null;

        var (proof, rejection) = Proofs.Verify(context.Request.Headers[RtaBindingNames.ProofHeader], context.Request, accessToken: null, keyThumbprint: null);
        SeenProof? parentProof = null;
        if (rejection is null && delegated)
        {
            string? parentProofHeader = context.Request.Headers[RtaBindingNames.ParentProofHeader];
            (parentProof, rejection) = string.IsNullOrEmpty(parentProofHeader)
                ? (null, RtaBindingReasons.ParentProofMissing)
                : Proofs.Verify(parentProofHeader, context.Request, subjectToken, parent is null ? null : _keysBySession[parent]);
        }

        _requests.Enqueue(new RecordedExchange(
            fields,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            context.Request.ContentType)
        {
            Proof = proof,
            ParentProof = parentProof,
            ProofRejection = rejection,
        });

        if (Failure is var (status, error, description))
        {
            return TypedResults.Json(new OAuthErrorResponse(error, description), statusCode: status);
        }

        if (rejection is DpopRejectionReasons.NonceRequired or DpopRejectionReasons.WrongNonce)
        {
            // RFC 9449 §8: 400 use_dpop_nonce with the nonce to use.
            context.Response.Headers[RtaBindingNames.NonceHeader] = Proofs.RequireNonce;
            return TypedResults.Json(new OAuthErrorResponse(RtaBindingNames.Errors.UseDpopNonce, $"{rejection}: The DPoP proof does not carry the expected nonce."), statusCode: 400);
        }

        if (rejection is not null)
        {
            // As the server does: the description starts with the stable reason code and a colon.
            return TypedResults.Json(new OAuthErrorResponse(RtaBindingNames.Errors.InvalidDpopProof, $"{rejection}: The proof was refused."), statusCode: 400);
        }

        var sessionId = $"session-{Interlocked.Increment(ref _sessions)}";
        var token = FakeTokens.Create(1);
        _keysBySession[sessionId] = proof!.KeyThumbprint;
        Register(token, sessionId);
        return TypedResults.Json(new RtaExchangeResponse
        {
            AccessToken = token,
            TokenType = RtaBindingNames.TokenType,
            ExpiresIn = 300,
            Scope = fields.GetValueOrDefault(RtaExchangeNames.Parameters.Scope, string.Empty),
            SessionId = sessionId,
            ParentSessionId = parent,
            LiveChannel = new RtaLiveChannelEndpoints { Grpc = GrpcAddress, Events = "/live/v1/events", Authorize = "/live/v1/authorize" },
        });
    }
}
