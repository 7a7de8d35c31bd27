using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>A <c>POST /oauth/token</c> that records requests and answers with a new session, or with the error it is told to give.</summary>
internal sealed class FakeTokenEndpoint
{
    private readonly ConcurrentQueue<RecordedExchange> _requests = new();
    private readonly ConcurrentDictionary<string, string> _sessionsByToken = new();
    private int _sessions;

    public IReadOnlyList<RecordedExchange> Requests => [.. _requests];

    /// <summary>The <c>live_channel.grpc</c> value to advertise.</summary>
    public string GrpcAddress { get; set; } = "/";

    /// <summary>When set, every request fails with this OAuth error.</summary>
    public (int Status, string Error, string Description)? Failure { get; set; }

    /// <summary>Remembers that <paramref name="token"/> belongs to <paramref name="sessionId"/>, as a pushed refresh would.</summary>
    public void Register(string token, string sessionId) => _sessionsByToken[token] = sessionId;

    public async Task HandleAsync(HttpContext context) => await (await RespondAsync(context)).ExecuteAsync(context);

    private async Task<IResult> RespondAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var recorded = new RecordedExchange(
            form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            context.Request.ContentType);
        _requests.Enqueue(recorded);

        if (Failure is var (status, error, description))
        {
            return TypedResults.Json(new OAuthErrorResponse(error, description), statusCode: status);
        }

        var sessionId = $"session-{Interlocked.Increment(ref _sessions)}";
        var token = FakeTokens.Create(1);
        Register(token, sessionId);
        var parent = recorded.Form.GetValueOrDefault(RtaExchangeNames.Parameters.SubjectTokenType) == RtaExchangeNames.RtaTokenType
            ? _sessionsByToken.GetValueOrDefault(recorded[RtaExchangeNames.Parameters.SubjectToken])
            : null;
        return TypedResults.Json(new RtaExchangeResponse
        {
            AccessToken = token,
            ExpiresIn = 300,
            Scope = recorded.Form.GetValueOrDefault(RtaExchangeNames.Parameters.Scope, string.Empty),
            SessionId = sessionId,
            ParentSessionId = parent,
            LiveChannel = new RtaLiveChannelEndpoints { Grpc = GrpcAddress, Events = "/live/v1/events", Authorize = "/live/v1/authorize" },
        });
    }
}
