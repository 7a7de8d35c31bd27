using RealTimeAuth.AgentSimulator.Admin;
using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Identity;
using RealTimeAuth.AgentSimulator.Telemetry;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>
/// A load run against the configured local server: M users sign in, each user's co-pilot delegates to its share of N
/// agents, the agents act at the target rate until the duration or the action budget is used up, then (optionally) every
/// co-pilot is revoked and each agent's event-to-stop recorded. Prints the distributions and writes them as CSV.
/// </summary>
internal sealed class LoadRunner(
    PortalSignIn portal,
    RtaClientProvider clients,
    ResolvedAddresses addresses,
    IAdminApi admin,
    SimulatorTelemetry telemetry,
    SummaryConsole console,
    IHostEnvironment environment,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<LoadRunner>();
    private readonly ILogger _agentLogger = loggerFactory.CreateLogger<AgentWorker>();

    /// <exception cref="LoadRefusedException">The server is not local, or revocation needs admin credentials that are missing.</exception>
    public async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var server = addresses.Server;
        if (!LoadTarget.IsAllowed(server, options.AllowNonLoopbackServer))
        {
            throw new LoadRefusedException(LoadTarget.RefusalFor(server));
        }

        if (options.RevokeAtEnd && !admin.IsConfigured)
        {
            throw new LoadRefusedException($"{LoadOptions.SectionName}:RevokeAtEnd needs the Simulator:Admin credentials to revoke; configure them or set RevokeAtEnd to false.");
        }

        var runId = AgentIdentities.NewRunId();
        var startedAt = time.GetUtcNow();
        _logger.LoadStarting(runId, options.Agents, options.UserCount, options.ActionsPerSecond, options.Duration.TotalSeconds, options.MaxActions, server);
        var latencies = new LoadLatencies();
        await using var fleet = new LoadFleet();
        await ConnectAsync(fleet, options, runId, latencies.Exchange, cancellationToken).ConfigureAwait(false);
        var outcome = await ActAsync(fleet, options, runId, latencies.Authorize, cancellationToken).ConfigureAwait(false);
        foreach (var revocation in outcome.Agents.Select(agent => agent.Revocation).OfType<RevocationReport>())
        {
            latencies.EventToReceive.Record(revocation.EventToReceiveMs ?? double.NaN);
            latencies.EventToStop.Record(revocation.EventToStopMs ?? double.NaN);
        }

        var report = new LoadReport
        {
            RunId = runId,
            Server = server.GetLeftPart(UriPartial.Authority),
            StartedAt = startedAt,
            EndedAt = time.GetUtcNow(),
            Users = fleet.CoPilots.Count,
            AgentsRequested = options.Agents,
            AgentsConnected = outcome.Agents.Count,
            ExchangeFailures = fleet.ExchangeFailures,
            TargetActionsPerSecond = options.ActionsPerSecond,
            AchievedActionsPerSecond = outcome.Seconds > 0 ? outcome.Agents.Sum(agent => (double)agent.Decisions.Allowed + agent.Decisions.Denied) / outcome.Seconds : 0,
            ActionPhaseSeconds = outcome.Seconds,
            Allowed = outcome.Agents.Sum(agent => (long)agent.Decisions.Allowed),
            Denied = outcome.Agents.Sum(agent => (long)agent.Decisions.Denied),
            AuthorizeErrors = outcome.Agents.Sum(agent => (long)agent.Errors),
            Revoked = options.RevokeAtEnd,
            AgentsStopped = outcome.Agents.Count(agent => agent.Outcome == AgentOutcome.Stopped),
            Latencies = latencies.Summaries(),
        };
        report = await WriteCsvAsync(report, options, cancellationToken).ConfigureAwait(false);
        console.Write(LoadSummaryFormatter.Format(report));
        _logger.LoadFinished(runId, report.Allowed + report.Denied, report.CsvPath ?? "(not written)");
        return report;
    }

    private async Task ConnectAsync(LoadFleet fleet, LoadOptions options, string runId, LatencyRecorder exchange, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var user = 0; user < options.UserCount; user++)
        {
            var tokens = await portal.SignInAsync(options.Users[user], cancellationToken).ConfigureAwait(false);
            var client = await TimedAsync(exchange, delegated: false, () => clients.Factory.ConnectAsync(
                new RtaSessionRequest { SubjectToken = tokens.AccessToken, Scopes = AgentProfiles.Load.Scopes, Agent = AgentIdentities.CoPilot(runId, $"u{user}") },
                cancellationToken)).ConfigureAwait(false);
            fleet.CoPilots.Add(new RtaAgentSession(client));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.ExchangeConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Agents), parallel, async (index, token) =>
        {
            var identity = AgentIdentities.For(AgentProfiles.Load, runId, index);
            try
            {
                var coPilot = fleet.CoPilots[index % fleet.CoPilots.Count];
                var client = await TimedAsync(exchange, delegated: true, () => coPilot.Client.CreateChildAsync(identity, AgentProfiles.Load.Scopes, token)).ConfigureAwait(false);
                fleet.AddAgent(index, new RtaAgentSession(client));
            }
            catch (Exception exception) when (exception is RtaExchangeException or HttpRequestException or InvalidOperationException)
            {
                fleet.CountExchangeFailure();
                _logger.LoadExchangeFailed(runId, identity.Id!, exception);
            }
        }).ConfigureAwait(false);
        _logger.LoadAgentsConnected(runId, fleet.Agents.Count, fleet.ExchangeFailures, time.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task<LoadActionOutcome> ActAsync(LoadFleet fleet, LoadOptions options, string runId, LatencyRecorder authorize, CancellationToken cancellationToken)
    {
        var agents = fleet.Agents;
        if (agents.Count == 0)
        {
            return new LoadActionOutcome([], 0);
        }

        var budget = new ActionBudget(options.MaxActions);
        var interval = TimeSpan.FromSeconds(agents.Count / options.ActionsPerSecond);
        var workers = agents.Select((agent, index) => new AgentWorker(
            agent,
            AgentProfiles.Load,
            new AgentWorkerSettings { Interval = interval, InitialDelay = interval * index / agents.Count, AuthorizeLatency = authorize },
            new RunPhase(),
            budget,
            telemetry,
            time,
            _agentLogger)).ToList();

        using var endOfRun = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var working = workers.Select(worker => Task.Run(() => worker.RunAsync(endOfRun.Token), CancellationToken.None)).ToArray();
        var started = time.GetTimestamp();
        double seconds;
        try
        {
            using (var durationUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(budget.Exhausted, Task.Delay(options.Duration, time, durationUp.Token)).ConfigureAwait(false);
                await durationUp.CancelAsync().ConfigureAwait(false);
            }

            budget.Close();
            seconds = time.GetElapsedTime(started).TotalSeconds;
            cancellationToken.ThrowIfCancellationRequested();
            if (options.RevokeAtEnd)
            {
                await RevokeAndWaitAsync(fleet, workers, options.StopTimeout, runId, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await endOfRun.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(working).ConfigureAwait(false);
        }

        return new LoadActionOutcome([.. workers.Select(worker => worker.Record.ToReport(expectedToStop: options.RevokeAtEnd))], seconds);
    }

    private async Task RevokeAndWaitAsync(LoadFleet fleet, List<AgentWorker> workers, TimeSpan stopTimeout, string runId, CancellationToken cancellationToken)
    {
        _logger.LoadRevoking(runId, fleet.CoPilots.Count);
        foreach (var coPilot in fleet.CoPilots)
        {
            await admin.RevokeSessionAsync(coPilot.SessionId, $"End of load run {runId}: measuring event-to-stop", cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(workers.Select(worker => worker.Record.Done)).WaitAsync(stopTimeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Agents that did not stop in time are reported as not stopped.
        }
    }

    private async Task<RtaClient> TimedAsync(LatencyRecorder recorder, bool delegated, Func<Task<RtaClient>> exchange)
    {
        var started = time.GetTimestamp();
        var client = await exchange().ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        recorder.Record(elapsed);
        telemetry.RecordExchange(elapsed, delegated);
        return client;
    }

    private async Task<LoadReport> WriteCsvAsync(LoadReport report, LoadOptions options, CancellationToken cancellationToken)
    {
        var path = LoadCsv.ResolvePath(options.CsvPath, environment.ContentRootPath, report.RunId, report.EndedAt);
        try
        {
            await LoadCsv.WriteFileAsync(path, report, cancellationToken).ConfigureAwait(false);
            return report with { CsvPath = path };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return report with { Note = $"The CSV could not be written to {path}: {exception.Message}" };
        }
    }
}
