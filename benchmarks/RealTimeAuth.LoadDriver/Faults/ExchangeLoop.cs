using System.Net;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// Steady token exchanges (a new root session from the user's IdP token, with a DPoP proof by a new key) until
/// stopped, each answer recorded by status and OAuth error: the answer a client sees while a dependency is down.
/// </summary>
internal sealed class ExchangeLoop(ServerProcess replica, string userToken, string copilotSecret, FaultTimeline timeline, int workers, TimeSpan pause)
{
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stop), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stop)
    {
        using var http = FaultEnvironment.CreateHttpClient(replica);
        var basic = ExchangeRequests.Basic(ServerCluster.CopilotClientId, copilotSecret);
        while (!stop.IsCancellationRequested)
        {
            string series;
            try
            {
                var outcome = await ExchangeRequests.PostAsync(http, ExchangeRequests.FromUserToken(userToken), basic, CancellationToken.None);
                series = FaultSeries.Exchange((int)outcome.Status, outcome.Status == HttpStatusCode.OK ? null : outcome.Error ?? "(no OAuth error)");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                series = FaultSeries.ExchangePrefix + "failed " + exception.GetType().Name;
            }

            timeline.Record(series);
            try
            {
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
