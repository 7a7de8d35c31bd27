using System.Text.Json.Nodes;

namespace RealTimeAuth.AgentSimulator.Admin;

/// <summary>The policy part of the server's admin API (<c>/admin/v1/policies</c>) that the policy-tightened scenario uses.</summary>
internal interface IPolicyAdminApi
{
    /// <summary>Signs the admin in ahead of the first call.</summary>
    /// <exception cref="AdminApiException">The admin could not sign in.</exception>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>The active version's number and policy file, or null when the server has no active version.</summary>
    /// <exception cref="AdminApiException">The server refused or failed.</exception>
    Task<(int Version, JsonObject Document)?> GetActivePolicyAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /admin/v1/policies</c>: stores a draft; returns its version number.</summary>
    /// <exception cref="AdminApiException">The server refused (an invalid policy) or failed.</exception>
    Task<int> CreateDraftAsync(JsonObject document, string comment, CancellationToken cancellationToken);

    /// <summary><c>POST /admin/v1/policies/{version}/publish</c>: makes it active; the server re-evaluates live sessions.</summary>
    /// <exception cref="AdminApiException">The server refused or failed.</exception>
    Task<PolicyPublication> PublishAsync(int version, string reason, CancellationToken cancellationToken);
}
