namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>Loads the disabled users at start; registered after the store initializer, so the table exists.</summary>
internal sealed class UserAccountStatusLoader(UserAccountStatus accounts) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => accounts.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
