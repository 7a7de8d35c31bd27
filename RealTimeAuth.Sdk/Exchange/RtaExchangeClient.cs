using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Sdk.Binding;
using RealTimeAuth.Sdk.Telemetry;

namespace RealTimeAuth.Sdk.Exchange;

/// <summary>
/// Posts exchange requests to <c>/oauth/token</c> with the new session's proof (and the parent's, when delegating) and
/// reads the RFC 8693 answer or the RFC 6749 §5.2 error. The only retry is the one RFC 9449 §8 asks for: once, with the
/// nonce of a <c>use_dpop_nonce</c> answer.
/// </summary>
internal sealed class RtaExchangeClient(HttpClient http, Uri tokenEndpoint, string clientId, string? clientSecret, RtaSdkTelemetry telemetry, ILogger logger)
{
    public async Task<RtaExchangeResponse> ExchangeAsync(
        RtaSessionRequest request, RtaAgentIdentity agent, SessionProofs session, SessionProofs? parent, CancellationToken cancellationToken)
    {
        var delegated = request.SubjectTokenType == RtaExchangeNames.RtaTokenType;
        using var activity = RtaSdkTelemetry.ActivitySource.StartActivity("rta.exchange", ActivityKind.Client);
        activity?.SetTag(RtaSdkTelemetry.Tags.AgentId, agent.Id);
        activity?.SetTag(RtaSdkTelemetry.Tags.Delegated, delegated);

        try
        {
            var prover = new ExchangeProver(session, parent, request.SubjectToken);
            var response = await SendAsync(request, agent, prover, retryWithNonce: true, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(RtaSdkTelemetry.Tags.SessionId, response.SessionId);
            telemetry.RecordExchange(null);
            logger.Exchanged(response.SessionId, agent.Id, delegated);
            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = exception is RtaExchangeException refused ? refused.Error : exception.GetType().FullName!;
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag(RtaSdkTelemetry.Tags.ErrorType, error);
            telemetry.RecordExchange(error);
            logger.ExchangeFailed(agent.Id, error, exception);
            throw;
        }
    }

    private async Task<RtaExchangeResponse> SendAsync(
        RtaSessionRequest request, RtaAgentIdentity agent, ExchangeProver prover, bool retryWithNonce, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(RtaExchangeForm.Create(request, agent, clientSecret is null ? clientId : null)),
        };
        message.Options.Set(ProofHandler.Prover, prover);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (clientSecret is not null)
        {
            message.Headers.Authorization = ClientSecretBasic.Create(clientId, clientSecret);
        }

        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);

            // RFC 9449 §8: the server wants the nonce it sent in the proof; ProofHandler has stored it in the session.
            if (retryWithNonce
                && error is RtaExchangeException { Error: RtaBindingNames.Errors.UseDpopNonce }
                && ProofNonce.Read(response.Headers) is not null)
            {
                return await SendAsync(request, agent, prover, retryWithNonce: false, cancellationToken).ConfigureAwait(false);
            }

            throw error;
        }

        var exchange = await response.Content.ReadFromJsonAsync<RtaExchangeResponse>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The token endpoint answered with an empty body.");
        return IsKnownTokenType(exchange.TokenType)
            ? exchange
            : throw new InvalidOperationException($"The token endpoint answered token_type '{exchange.TokenType}', which this client does not use.");
    }

    // RFC 9449 §5: a bound token is of type DPoP; a server from before binding answers RTA.
    private static bool IsKnownTokenType(string? tokenType) =>
        string.Equals(tokenType, RtaBindingNames.TokenType, StringComparison.OrdinalIgnoreCase)
        || string.Equals(tokenType, RtaExchangeNames.TokenScheme, StringComparison.OrdinalIgnoreCase);

    private static async Task<Exception> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // RFC 6749 §5.2: a JSON object with "error" and optional "error_description".
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            try
            {
                var error = await response.Content.ReadFromJsonAsync<OAuthErrorResponse>(cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(error?.Error))
                {
                    return new RtaExchangeException(error.Error, error.ErrorDescription, response.StatusCode);
                }
            }
            catch (JsonException)
            {
                // Not an OAuth error body; fall through to the HTTP status.
            }
        }

        return new HttpRequestException(
            $"The token endpoint answered {(int)response.StatusCode} {response.ReasonPhrase} without an OAuth error.",
            inner: null,
            response.StatusCode);
    }
}
