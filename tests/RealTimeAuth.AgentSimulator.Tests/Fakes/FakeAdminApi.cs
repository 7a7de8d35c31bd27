using RealTimeAuth.AgentSimulator.Admin;

namespace RealTimeAuth.AgentSimulator.Tests.Fakes;

/// <summary>Records revocations and answers with the session ids the test says the server ended.</summary>
internal sealed class FakeAdminApi(Func<string, IReadOnlyList<Guid>> revokedBy) : IAdminApi
{
    public List<(string SessionId, string Reason)> Revocations { get; } = [];

    public bool IsConfigured => true;

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<AdminRevocation> RevokeSessionAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        Revocations.Add((sessionId, reason));
        return Task.FromResult(new AdminRevocation(revokedBy(sessionId), 42));
    }
}
