using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Tokens;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// <c>POST /oauth/token</c>: the RTA token exchange (RFC 8693 request shape). An agent trades its
/// user's IdP access token, or its parent's RTAToken, for an RTAToken bound to a new session, and the session to the
/// key whose DPoP proof came with the request (RFC 9449 §5); a parent's token also needs the parent's proof.
/// Every error is an RFC 6749 §5.2 response, and nothing is created on any error.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(RtaExchangeNames.TokenEndpointPath, ExchangeAsync)
            .WithName("TokenExchange")
            .WithSummary("Exchange an IdP access token or a parent RTAToken for a session-bound RTAToken")
            .WithTags("OAuth")
            .DisableAntiforgery()
            .AllowAnonymous();
        return app;
    }

    internal static async Task<Results<Ok<RtaExchangeResponse>, OAuthErrorResult, RateLimitRefusal>> ExchangeAsync(
        HttpContext context, [AsParameters] ExchangeServices services, CancellationToken cancellationToken)
    {
        using var activity = RtaServerTelemetry.Source.StartActivity("rta.exchange");
        Results<Ok<RtaExchangeResponse>, OAuthErrorResult, RateLimitRefusal> result = await ExchangeCoreAsync(context, services, cancellationToken) switch
        {
            (Ok<RtaExchangeResponse> ok, _) => ok,
            (_, OAuthErrorResult failure) => failure,
            (_, RateLimitRefusal limited) => limited,
            _ => throw new InvalidOperationException("An exchange must succeed or fail."),
        };
        var (oauthError, reason) = result.Result switch
        {
            OAuthErrorResult failure => (failure.Value.Error, failure.Reason),
            RateLimitRefusal limited => ("temporarily_unavailable", limited.Reason),
            _ => (null, null),
        };
        Record(activity, services.Telemetry, oauthError, reason);
        if (oauthError is null)
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
        }

        return result;
    }

    private static async Task<(Ok<RtaExchangeResponse>?, IResult?)> ExchangeCoreAsync(
        HttpContext context, ExchangeServices services, CancellationToken cancellationToken)
    {
        var (form, unreadable) = await ExchangeForm.ReadAsync(context.Request, cancellationToken);
        if (form is null)
        {
            return Fail(unreadable!);
        }

        var grantType = form[RtaExchangeNames.Parameters.GrantType].ToString();
        if (grantType.Length == 0)
        {
            return Fail(OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.ParameterMissing, $"The parameter '{RtaExchangeNames.Parameters.GrantType}' is required."));
        }

        if (grantType != RtaExchangeNames.GrantType)
        {
            return Fail(OAuthErrorResult.UnsupportedGrantType(ExchangeRejectionReasons.GrantTypeUnsupported, $"Only '{RtaExchangeNames.GrantType}' is supported."));
        }

        var client = services.Clients.Authenticate(context.Request, form);
        if (!client.IsAuthenticated)
        {
            return Fail(OAuthErrorResult.InvalidClient(client.Reason!, client.UsedBasic));
        }

        // Counted only once the secret is verified: a caller naming another client with a wrong secret spends nothing.
        if (services.Limits.TryAcquire(CallerLimit.Token, client.ClientId!) is { } limited)
        {
            return (null, limited);
        }

        var (request, invalid) = ExchangeRequest.Read(form);
        if (request is null)
        {
            return Fail(invalid!);
        }

        var allowed = client.Client!.AllowedScopes;
        if (request.Scopes.FirstOrDefault(scope => !allowed.Contains(scope)) is { } refused)
        {
            return Fail(OAuthErrorResult.InvalidScope(ExchangeRejectionReasons.ScopeNotAllowed, $"The client may not request the scope '{refused}'."));
        }

        var (agent, kindError) = RegistrationRules.Agent(request, client.Client);
        if (agent is null)
        {
            return Fail(kindError!);
        }

        // RFC 9449 §5: the proof comes before any work on the subject token, so a bad one costs no IdP call.
        var spent = new ExchangeOneTimeValues(services.Proofs, services.Options.CurrentValue.NonceLifetime);
        var (keyThumbprint, proofError) = ExchangeProofs.CheckSessionProof(context.Request, services.Proofs, spent, services.Telemetry);
        if (keyThumbprint is null)
        {
            return Fail(proofError!);
        }

        var (newSession, subjectError) = await ResolveSubjectAsync(context.Request, request, client, agent, keyThumbprint, spent, services, cancellationToken);
        if (newSession is null)
        {
            return Fail(subjectError!);
        }

        spent.AddNonce(client.ClientId!, request.Nonce);
        if (await spent.ClaimAsync() is { } replayed)
        {
            return Fail(replayed);
        }

        // The registration's lifetimes, never past a parent's (ADR 0018).
        newSession = newSession with { AbsoluteLifetime = client.Client!.AbsoluteLifetime, IdleLifetime = client.Client.IdleLifetime };
        var created = await services.Sessions.CreateAsync(newSession, $"client:{client.ClientId}", cancellationToken);
        return created.Succeeded
            ? (TypedResults.Ok(ExchangeResponseFactory.Create(context.Request, created, services.LiveChannel)), null)
            : Fail(MapCreationError(created.Error));
    }

    private static async Task<(NewSessionRequest?, OAuthErrorResult?)> ResolveSubjectAsync(
        HttpRequest httpRequest, ExchangeRequest request, ClientAuthentication client, AgentIdentity agent, string keyThumbprint,
        ExchangeOneTimeValues spent, ExchangeServices services, CancellationToken cancellationToken)
    {
        switch (request.SubjectTokenType)
        {
            case RtaExchangeNames.RtaTokenType:
                var parent = await services.SessionTokens.ValidateTextAsync(request.SubjectToken, null, cancellationToken);
                if (parent.Status == SessionTokenStatus.UnknownSession)
                {
                    // A parent made on another replica a moment ago may not be applied here yet.
                    await services.Replica.CatchUpAsync(cancellationToken);
                    parent = await services.SessionTokens.ValidateTextAsync(request.SubjectToken, null, cancellationToken);
                }

                if (!parent.IsValid)
                {
                    return (null, parent.Status == SessionTokenStatus.ReplicaNotCurrent
                        ? CatchingUp()
                        : OAuthErrorResult.InvalidGrant(ExchangeRejectionReasons.ParentTokenInvalid, $"The parent RTAToken was refused: {parent.Status.ToWire()}."));
                }

                if (ExchangeProofs.CheckParentProof(
                    httpRequest, parent.Session!, request.SubjectToken, keyThumbprint, services.Proofs, spent, services.Telemetry) is { } parentProofError)
                {
                    return (null, parentProofError);
                }

                if (RegistrationRules.Delegation(services.Options.CurrentValue, parent.Session!.ClientId, client.ClientId!) is { } delegationError)
                {
                    return (null, delegationError);
                }

                return (new NewSessionRequest
                {
                    Issuer = parent.Session!.Issuer,
                    Subject = parent.Session.Subject,
                    ClientId = client.ClientId!,
                    Agent = agent,
                    ParentId = parent.Session.Id,
                    RequestedScopes = request.Scopes,
                    ScopeLimit = client.Client!.AllowedScopes,
                    UserContext = parent.Session.Context,
                    IdpSessionId = parent.Session.IdpSessionId,
                    KeyThumbprint = keyThumbprint,
                }, null);

            case RtaExchangeNames.AccessTokenType or RtaExchangeNames.JwtTokenType:
                var subject = await services.SubjectTokens.ValidateAsync(request.SubjectToken, cancellationToken);
                return subject.Outcome switch
                {
                    SubjectTokenOutcome.Valid => RootSession(request, client, agent, subject, keyThumbprint),
                    SubjectTokenOutcome.IssuerUnavailable => (null, OAuthErrorResult.TemporarilyUnavailable(subject.Reason!, subject.Description!)),
                    _ => (null, OAuthErrorResult.InvalidGrant(subject.Reason!, subject.Description!)),
                };

            default:
                return (null, OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.SubjectTokenTypeUnsupported, $"The subject_token_type '{request.SubjectTokenType}' is not supported."));
        }
    }

    private static (NewSessionRequest?, OAuthErrorResult?) RootSession(
        ExchangeRequest request, ClientAuthentication client, AgentIdentity agent, SubjectTokenResult subject, string keyThumbprint)
    {
        if (RegistrationRules.IdpClient(client.Client!, subject.IdpClient) is { } idpClientError)
        {
            return (null, idpClientError);
        }

        var (scopes, scopeError) = RegistrationRules.RootScopes(request, client.Client!, subject.GrantableScopes);
        return scopes is null
            ? (null, scopeError)
            : (new NewSessionRequest
            {
                Issuer = subject.Issuer!,
                Subject = subject.Subject!,
                ClientId = client.ClientId!,
                Agent = agent,
                RequestedScopes = scopes,
                UserContext = subject.UserContext!,
                IdpSessionId = subject.IdpSessionId,
                KeyThumbprint = keyThumbprint,
            }, null);
    }

    internal static OAuthErrorResult MapCreationError(SessionCreationError error) => error switch
    {
        SessionCreationError.ParentNotActive =>
            OAuthErrorResult.InvalidGrant(ExchangeRejectionReasons.ParentNotActive, "The parent session is no longer active."),
        SessionCreationError.ScopeExceedsParent =>
            OAuthErrorResult.InvalidScope(ExchangeRejectionReasons.ScopeExceedsParent, "A delegated session cannot hold a scope its parent lacks."),
        // A user a Shared Signals transmitter reported disabled, purged or compromised gets no new session.
        SessionCreationError.UserBlocked => OAuthErrorResult.InvalidGrant(ExchangeRejectionReasons.UserBlocked, "The user is disabled."),
        SessionCreationError.NoScopes => OAuthErrorResult.InvalidScope(ExchangeRejectionReasons.NoScopeGranted, "No scope could be granted."),
        SessionCreationError.DelegationTooDeep =>
            OAuthErrorResult.InvalidRequest(ExchangeRejectionReasons.DelegationTooDeep, "The delegation tree is already as deep as allowed."),
        _ => CatchingUp(),
    };

    private static OAuthErrorResult CatchingUp() =>
        OAuthErrorResult.TemporarilyUnavailable(ExchangeRejectionReasons.ReplicaNotCurrent, "The server is catching up; retry shortly.");

    /// <summary>Tags the span and counts the exchange by outcome (the OAuth error, or <c>issued</c>) and, when refused, reason code.</summary>
    private static void Record(Activity? activity, RtaServerTelemetry telemetry, string? error, string? reason)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", error ?? "issued");
        activity?.SetTag("rta.exchange.outcome", outcome.Value);
        if (error is null)
        {
            telemetry.Exchanges.Add(1, outcome);
            return;
        }

        activity?.SetTag("rta.exchange.reason", reason);
        telemetry.Exchanges.Add(1, outcome, new KeyValuePair<string, object?>("reason", reason));
    }

    private static (Ok<RtaExchangeResponse>?, IResult?) Fail(OAuthErrorResult error) => (null, error);
}
