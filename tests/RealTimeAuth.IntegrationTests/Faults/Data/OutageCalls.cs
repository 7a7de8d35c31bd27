using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Faults.Data;

/// <summary>Calls the outage tests make: a user-wide revocation, raw admin calls, one health check of a replica, agents with probes.</summary>
internal static class OutageCalls
{
    /// <summary><c>POST /admin/v1/users/revoke</c>; returns the status and the body (revocation or ProblemDetails).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body, string? RetryAfter)> RevokeUserAsync(
        ServerHost replica, string adminToken, string issuer, string reason, CancellationToken cancellationToken) =>
        await SendAdminAsync(replica, adminToken, "admin/v1/users/revoke", new { issuer, subject = DemoAccounts.RickSubject, reason }, cancellationToken);

    /// <summary><c>POST /admin/v1/sessions/{id}/revoke</c>; returns the status and the body.</summary>
    public static Task<(HttpStatusCode Status, JsonElement Body, string? RetryAfter)> RevokeSessionAsync(
        ServerHost replica, string adminToken, string sessionId, string reason, CancellationToken cancellationToken) =>
        SendAdminAsync(replica, adminToken, $"admin/v1/sessions/{sessionId}/revoke", new { reason }, cancellationToken);

    /// <summary>The status of one of the replica's named health checks (<c>postgresql</c>, <c>redis</c>, <c>replica</c>).</summary>
    public static async Task<HealthStatus> HealthAsync(ServerHost replica, string check, CancellationToken cancellationToken)
    {
        var report = await replica.Service<HealthCheckService>().CheckHealthAsync(registration => registration.Name == check, cancellationToken);
        return report.Entries[check].Status;
    }

    /// <summary>Connects <paramref name="count"/> root sessions of the demo user through <paramref name="factory"/> at once, each with a probe.</summary>
    public static async Task<List<(RtaClient Client, AgentProbe Probe)>> ConnectAgentsAsync(
        RtaClientFactory factory, string userToken, int count, CancellationToken cancellationToken)
    {
        var agents = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var client = await factory.ConnectAsync(new RtaSessionRequest { SubjectToken = userToken, Scopes = ["records:read"] }, cancellationToken);
            var probe = new AgentProbe(client);
            await probe.WaitForStateAsync(RtaConnectionState.Connected, TimeSpan.FromSeconds(20));
            return (client, probe);
        }));
        return [.. agents];
    }

    private static async Task<(HttpStatusCode, JsonElement, string?)> SendAdminAsync(
        ServerHost replica, string adminToken, string path, object body, CancellationToken cancellationToken)
    {
        using var http = replica.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json, response.Headers.RetryAfter?.ToString());
    }
}
