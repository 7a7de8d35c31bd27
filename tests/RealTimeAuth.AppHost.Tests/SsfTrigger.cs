using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace RealTimeAuth.AppHost.Tests;

/// <summary>
/// The dev IdP's trigger API, for putting a demo user back as the collection's other tests expect. The IdP answers once
/// it has queued the SETs; the server applies them a moment later and logs "Applied SET {jti}", which is waited for.
/// </summary>
internal static class SsfTrigger
{
    public static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Triggers <paramref name="action"/> for <paramref name="user"/> and waits until the server has applied its SET.</summary>
    public static async Task RunAndWaitForServerAsync(DistributedApplication app, HttpClient idp, string user, string action, object body)
    {
        using var response = await idp.PostAsJsonAsync(new Uri($"/ssf/v1/triggers/{user}/{action}", UriKind.Relative), body, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var queued = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
        string[] jtis = [.. queued.RootElement.GetProperty("sets").EnumerateArray().Select(set => set.GetProperty("jti").GetString()!)];
        await WaitForAppliedAsync(app, jtis);
    }

    /// <summary>Completes when the server's log says it applied one of <paramref name="jtis"/> (one per stream at the IdP).</summary>
    private static async Task WaitForAppliedAsync(DistributedApplication app, string[] jtis)
    {
        if (jtis.Length == 0)
        {
            return; // No stream at the IdP: nothing was sent, so there is nothing to apply.
        }

        var server = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(resource => resource.Name == ResourceNames.Server);
        using var timeout = new CancellationTokenSource(ApplyTimeout);
        try
        {
            // The log is replayed from its start, so a line written before this call is found too.
            await foreach (var lines in app.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(server).WithCancellation(timeout.Token))
            {
                if (lines.Any(line => jtis.Any(jti => line.Content.Contains($"Applied SET {jti}", StringComparison.Ordinal))))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Reported below.
        }

        throw new TimeoutException($"The server logged no \"Applied SET\" for {string.Join(", ", jtis)} within {ApplyTimeout.TotalSeconds:0} s.");
    }
}
