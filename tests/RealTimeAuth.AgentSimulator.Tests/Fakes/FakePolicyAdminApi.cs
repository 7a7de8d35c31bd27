using System.Text.Json.Nodes;
using RealTimeAuth.AgentSimulator.Admin;

namespace RealTimeAuth.AgentSimulator.Tests.Fakes;

/// <summary>A policy store in memory: an active version, drafts the trigger creates, publications it makes.</summary>
internal sealed class FakePolicyAdminApi(JsonObject? active) : IPolicyAdminApi
{
    public List<(int Version, JsonObject Document, string Comment)> Drafts { get; } = [];

    public List<(int Version, string Reason)> Publications { get; } = [];

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<(int Version, JsonObject Document)?> GetActivePolicyAsync(CancellationToken cancellationToken) =>
        Task.FromResult(active is null ? ((int, JsonObject)?)null : (1, active));

    public Task<int> CreateDraftAsync(JsonObject document, string comment, CancellationToken cancellationToken)
    {
        var version = Drafts.Count + 2;
        Drafts.Add((version, document, comment));
        return Task.FromResult(version);
    }

    public Task<PolicyPublication> PublishAsync(int version, string reason, CancellationToken cancellationToken)
    {
        Publications.Add((version, reason));
        return Task.FromResult(new PolicyPublication(version, DateTimeOffset.UnixEpoch, 5, 1, 0));
    }
}
