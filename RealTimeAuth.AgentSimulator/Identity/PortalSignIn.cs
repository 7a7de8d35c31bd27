using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>A user signs in to the portal (public client, code + PKCE) for an access token addressed to the RTA server.</summary>
internal sealed class PortalSignIn(IdentityProviderSignIn signIn, IOptions<SimulatorOptions> options)
{
    public Task<IdpTokens> SignInAsync(UserCredentials user, CancellationToken cancellationToken)
    {
        var portal = options.Value.Portal;
        return signIn.SignInAsync(new CodeFlowRequest
        {
            ClientId = portal.ClientId,
            RedirectUri = new Uri(portal.RedirectUri),
            Scope = portal.Scope,
            Email = user.Email,
            Password = user.Password,
        }, cancellationToken);
    }
}
