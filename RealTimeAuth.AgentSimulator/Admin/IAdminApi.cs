namespace RealTimeAuth.AgentSimulator.Admin;

/// <summary>The parts of the server's admin API (<c>/admin/v1</c>) the scenarios and load runs use.</summary>
internal interface IAdminApi
{
    /// <summary>Whether admin credentials are configured; without them nothing here can be called.</summary>
    bool IsConfigured { get; }

    /// <summary>Signs the admin in ahead of the first call, so the call itself is quick.</summary>
    /// <exception cref="AdminApiException">The admin could not sign in.</exception>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /admin/v1/sessions/{id}/revoke</c>: revokes the session and its whole subtree.</summary>
    /// <exception cref="AdminApiException">The server refused or failed.</exception>
    Task<AdminRevocation> RevokeSessionAsync(string sessionId, string reason, CancellationToken cancellationToken);
}
