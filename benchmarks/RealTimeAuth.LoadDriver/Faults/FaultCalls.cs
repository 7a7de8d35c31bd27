using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>Calls a fault run makes besides its steady load: admin revocations, a replica's /health, counts in PostgreSQL.</summary>
internal static class FaultCalls
{
    /// <summary>
    /// Revokes one session through the admin API of the replica <paramref name="http"/> points at; returns when the call
    /// was issued (by <see cref="Stopwatch.GetTimestamp"/>) and the event's sequence, or the error the call met.
    /// </summary>
    public static async Task<(long Issued, long? EventSequence, string? Error)> RevokeAsync(
        HttpClient http, string adminToken, string sessionId, string reason, CancellationToken cancellationToken)
    {
        var issued = Stopwatch.GetTimestamp();
        try
        {
            var response = await AdminApi.RevokeSessionAsync(http, adminToken, sessionId, reason, cancellationToken);
            return (issued, response.EventSequence, null);
        }
        catch (HttpRequestException exception)
        {
            return (issued, null, exception.Message);
        }
    }

    /// <summary>Whether the replica's <c>/health</c> report says Healthy (Degraded answers 200 too).</summary>
    public static async Task<bool> IsHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("health", cancellationToken);
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return response.IsSuccessStatusCode && report.RootElement.GetProperty("status").GetString() == "Healthy";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Waits until every replica says Healthy; returns when they did, or null past <paramref name="bound"/>.</summary>
    public static async Task<long?> WaitUntilHealthyAsync(IReadOnlyList<ServerProcess> replicas, TimeSpan bound, CancellationToken cancellationToken)
    {
        var clients = replicas.Select(FaultEnvironment.CreateHttpClient).ToList();
        try
        {
            var healthy = await Eventually.UntilAsync(
                async () => (await Task.WhenAll(clients.Select(http => IsHealthyAsync(http, cancellationToken)))).All(ok => ok),
                bound,
                cancellationToken);
            return healthy ? Stopwatch.GetTimestamp() : null;
        }
        finally
        {
            clients.ForEach(http => http.Dispose());
        }
    }

    /// <summary>How many of <paramref name="sessionIds"/> PostgreSQL holds as revoked: the source of truth, not a replica's memory.</summary>
    public static async Task<long> CountRevokedAsync(ServerCluster cluster, IEnumerable<string> sessionIds, CancellationToken cancellationToken)
    {
        var ids = string.Join(',', sessionIds.Select(id => $"'{Guid.Parse(id).ToString("D", CultureInfo.InvariantCulture)}'"));
        return (long)(await cluster.ScalarAsync($"SELECT count(*) FROM sessions WHERE id IN ({ids}) AND lower(status) = 'revoked'", cancellationToken))!;
    }
}
