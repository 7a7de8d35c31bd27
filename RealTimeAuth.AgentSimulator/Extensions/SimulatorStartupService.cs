using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Load;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.AgentSimulator.Telemetry;

namespace RealTimeAuth.AgentSimulator.Extensions;

/// <summary>
/// What the simulator does by itself when it starts (<c>Simulator:Mode</c>): the configured scenario (by default steady
/// work until the simulator stops), one load run, or nothing. A failure is retried a few times (the IdP or server may
/// still be starting) and never takes the simulator down: runs requested over HTTP still work.
/// </summary>
internal sealed class SimulatorStartupService(
    IOptions<SimulatorOptions> options,
    IOptions<LoadOptions> loadOptions,
    ScenarioCatalog catalog,
    ScenarioRunner scenarios,
    LoadRunner load,
    RunGate gate,
    TimeProvider time,
    ILogger<SimulatorStartupService> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var mode = options.Value.Mode;
        if (mode == SimulatorMode.Idle)
        {
            logger.Idle(string.Join(", ", catalog.All.Select(trigger => trigger.Name)));
            return;
        }

        Func<CancellationToken, Task> run = mode == SimulatorMode.Load ? RunLoadAsync : RunScenarioAsync;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await run(stoppingToken).ConfigureAwait(false);
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
