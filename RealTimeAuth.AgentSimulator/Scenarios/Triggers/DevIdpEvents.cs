using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// The dev IdP's Shared Signals trigger API (<c>POST /ssf/v1/triggers/{user}/{action}</c>, Development only): changes a
/// demo user there and makes the IdP transmit the CAEP/RISC event to the server.
/// </summary>
internal sealed partial class DevIdpEvents(IHttpClientFactory httpClientFactory, ResolvedAddresses addresses, ILogger<DevIdpEvents> logger)
{
    public const string HttpClientName = "devidp-events";

    /// <summary>Fires the trigger; returns how many SETs the IdP queued (one per stream).</summary>
    public async Task<int> TriggerAsync(string user, string action, object? body, CancellationToken cancellationToken)
    {
        using var http = httpClientFactory.CreateClient(HttpClientName);
        var uri = new Uri(addresses.IdentityProvider, $"ssf/v1/triggers/{Uri.EscapeDataString(user)}/{action}");
        using var response = await http.PostAsJsonAsync(uri, body ?? new { }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"The dev IdP refused the {action} trigger for {user}: {(int)response.StatusCode} {detail}");
        }

        var answer = await response.Content.ReadFromJsonAsync<TriggerAnswer>(cancellationToken).ConfigureAwait(false);
        return answer?.Sets?.Count ?? 0;
    }

    /// <summary>Undoes a trigger a while later, so the demo user can sign in for the next run; failures are logged only.</summary>
    public void UndoLater(string user, string action, object? body, TimeSpan delay) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay).ConfigureAwait(false);
                await TriggerAsync(user, action, body, CancellationToken.None).ConfigureAwait(false);
                LogUndone(logger, action, user);
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                LogUndoFailed(logger, action, user, exception.Message);
            }
        });

    private sealed record TriggerAnswer(List<object>? Sets);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Dev IdP trigger {Action} for {User} sent to restore the demo user")]
    private static partial void LogUndone(ILogger logger, string action, string user);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Dev IdP trigger {Action} for {User} failed: {Reason}")]
    private static partial void LogUndoFailed(ILogger logger, string action, string user, string reason);
}
