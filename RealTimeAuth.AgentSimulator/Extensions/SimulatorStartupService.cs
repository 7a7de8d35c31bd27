using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Load;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.AgentSimulator.Scenarios.Triggers;
using RealTimeAuth.AgentSimulator.Telemetry;

namespace RealTimeAuth.AgentSimulator.Extensions;

/// <summary>
/// What the simulator does by itself when it starts (<c>Simulator:Mode</c>): the configured scenario (by default steady
/// work until the simulator stops), one load run, or nothing. A failure is retried a few times (the IdP or server may
/// still be starting) and never takes the simulator down: runs requested over HTTP still work. First it restores the
/// demo user at the dev IdP: a simulator stopped within seconds of a user-disabled or risk-rises run never sent its
/// undo, and the IdP keeps its users across restarts, so every later run would fail to sign in or be denied.
/// </summary>
internal sealed class SimulatorStartupService(
    IOptions<SimulatorOptions> options,
    IOptions<LoadOptions> loadOptions,
    ScenarioCatalog catalog,
    ScenarioRunner scenarios,
    LoadRunner load,
    RunGate gate,
    DevIdpEvents events,
    TimeProvider time,
    ILogger<SimulatorStartupService> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var mode = options.Value.Mode;
        Func<CancellationToken, Task> work = mode switch
        {
            SimulatorMode.Idle => _ => Task.CompletedTask,
            SimulatorMode.Load => RunLoadAsync,
            _ => RunScenarioAsync,
        };

        var restored = false;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (!restored)
                {
                    // Once: a retry of a run that failed later must not send the IdP's events again.
                    await RestoreDemoUserAsync(stoppingToken).ConfigureAwait(false);
                    restored = true;
                }

                await work(stoppingToken).ConfigureAwait(false);
                if (mode == SimulatorMode.Idle)
                {
                    logger.Idle(string.Join(", ", catalog.All.Select(trigger => trigger.Name)));
                }

                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (attempt < MaxAttempts)
            {
                logger.StartupRunFailed(mode.ToString(), attempt, MaxAttempts, RetryDelay.TotalSeconds, exception);
                await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                logger.StartupRunGaveUp(mode.ToString(), exception);
                return;
            }
        }
    }

    /// <summary>
    /// Enables the demo user and sets its risk low. An IdP that is not up yet throws and the attempt is retried; one that
    /// refuses (no trigger API outside the dev IdP's Development environment) is logged and skipped.
    /// </summary>
    private async Task RestoreDemoUserAsync(CancellationToken stoppingToken)
    {
        var email = options.Value.PortalUser.Email;
        try
        {
            await events.TriggerAsync(email, "enable", null, stoppingToken).ConfigureAwait(false);
            await events.TriggerAsync(email, "risk", new { level = "low" }, stoppingToken).ConfigureAwait(false);
            logger.DemoUserRestored(email);
        }
        catch (InvalidOperationException exception)
        {
            logger.DemoUserNotRestored(email, exception.Message);
        }
    }

    private async Task RunScenarioAsync(CancellationToken stoppingToken)
    {
        var selection = catalog.Select(options.Value.Scenario);
        if (selection.Status != ScenarioSelectionStatus.Ready)
        {
            logger.ScenarioUnavailable(options.Value.Scenario, selection.Message);
            return;
        }

        await scenarios.RunAsync(selection.Trigger!, options.Value.Run.StartupDuration, stoppingToken).ConfigureAwait(false);
    }

    private async Task RunLoadAsync(CancellationToken stoppingToken)
    {
        using var lease = gate.TryEnter();
        await load.RunAsync(loadOptions.Value, stoppingToken).ConfigureAwait(false);
    }
}
