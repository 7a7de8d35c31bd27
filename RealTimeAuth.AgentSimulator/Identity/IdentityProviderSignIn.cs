using System.Diagnostics;
using System.Net;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Telemetry;

namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>
/// Runs one headless sign-in at the configured identity provider. Each sign-in gets its own connection and cookie
/// container, as a fresh browser would, so one user's IdP session never signs another user in.
/// </summary>
internal sealed class IdentityProviderSignIn(ResolvedAddresses addresses, TimeProvider time, ILogger<IdentityProviderSignIn> logger)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public async Task<IdpTokens> SignInAsync(CodeFlowRequest request, CancellationToken cancellationToken)
    {
        using var activity = SimulatorTelemetry.ActivitySource.StartActivity("simulator.sign-in", ActivityKind.Client);
        activity?.SetTag("simulator.client_id", request.ClientId);
        var started = time.GetTimestamp();
        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        using var http = new HttpClient(handler) { BaseAddress = WithTrailingSlash(addresses.IdentityProvider), Timeout = RequestTimeout };
        try
        {
            var tokens = await new HeadlessCodeFlow(http, time).SignInAsync(request, cancellationToken).ConfigureAwait(false);
            logger.SignedIn(request.Email, request.ClientId, time.GetElapsedTime(started).TotalMilliseconds);
            return tokens;
        }
        catch (SignInException exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Error);
            logger.SignInFailed(request.Email, request.ClientId, exception.Error);
            throw;
        }
        catch (HttpRequestException exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "unreachable");
            throw new SignInException("idp_unreachable", $"The identity provider at {addresses.IdentityProvider} could not be reached: {exception.Message}", exception);
        }
    }

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
