using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Identity;

/// <summary>
/// An admin's access token for the server's admin API (audience <c>rta-admin-api</c>, role <c>rta-admin</c>), signed in
/// through the admin console's client and kept until a minute before it expires.
/// </summary>
internal sealed class AdminTokenSource(IdentityProviderSignIn signIn, IOptions<SimulatorOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IdpTokens? _current;

    public bool IsConfigured => options.Value.Admin.IsConfigured;

    /// <exception cref="InvalidOperationException">The <c>Simulator:Admin</c> section is incomplete.</exception>
    /// <exception cref="SignInException">The IdP refused the admin's sign-in.</exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.Admin;
        if (!admin.IsConfigured)
        {
            throw new InvalidOperationException(
                "Acting as an admin needs Simulator:Admin:ClientSecret, Simulator:Admin:RedirectUri, Simulator:Admin:User:Email and "
                + "Simulator:Admin:User:Password (Development defaults are in appsettings.Development.json; the app host passes the redirect URI).");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || _current.ExpiresAt - RenewBefore <= time.GetUtcNow())
            {
                _current = await signIn.SignInAsync(new CodeFlowRequest
                {
                    ClientId = admin.ClientId,
                    ClientSecret = admin.ClientSecret,
                    RedirectUri = new Uri(admin.RedirectUri),
                    Scope = admin.Scope,
                    Email = admin.User.Email,
                    Password = admin.User.Password,
                }, cancellationToken).ConfigureAwait(false);
            }

            return _current.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
