using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Telemetry;
using RealTimeAuth.AgentSimulator.Tests.Fakes;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Tests.Agents;

public sealed class AgentWorkerTests : IDisposable
{
    private static readonly AgentProfile ReadsAndWrites =
        new("data-writer", "Data writer", ["records:read"], [AgentAction.Read("records"), AgentAction.Write("records")]);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly SimulatorTelemetry _telemetry = new(meterFactory: null);
    private readonly RunPhase _triggered = new();

    public AgentWorkerTests() => _triggered.MarkTriggered(_time.GetUtcNow());

    [Fact]
    public async Task Run_WriteOutsideScopes_RecordsTheDenialAndPerformsOnlyTheAllowedReads()
    {
        var session = new FakeAgentSession("data-writer-1", (action, _) => Task.FromResult(action.Name == "read"
            ? new RtaAuthorizationResult(true, "allowed", null)
            : new RtaAuthorizationResult(false, "scope-missing", null)));
        var worker = Worker(session, new ActionBudget(6), interval: TimeSpan.Zero);
        using var endOfRun = new CancellationTokenSource();

        var running = worker.RunAsync(endOfRun.Token);
        await session.WhenCalls(6).WaitAsync(TestTimeouts.Default);
        await endOfRun.CancelAsync();
        await running.WaitAsync(TestTimeouts.Default);

        var report = worker.Record.ToReport(expectedToStop: false);
        Assert.Equal(AgentOutcome.Continued, report.Outcome);
        Assert.Equal(new DecisionCounts(0, 0, 3, 3), report.Decisions);
        Assert.Equal(3, report.PerformedAfterTrigger);
        Assert.Equal(new DecisionCounts(0, 0, 0, 3), report.ByAction["write records"]);
        Assert.Equal(3, report.DenialReasons["scope-missing"]);
        Assert.Null(report.Revocation);
    }

    [Fact]
    public async Task Run_RevokedOnItsStream_StopsAtOnceAndMeasuresFromTheEvent()
    {
        var session = FakeAgentSession.Allowing("data-writer-1");
        var worker = Worker(session, ActionBudget.Unlimited, interval: TimeSpan.FromHours(1));

        var running = worker.RunAsync(CancellationToken.None);
        await session.WhenCalls(1).WaitAsync(TestTimeouts.Default);
        var now = _time.GetUtcNow();
        session.Revoke(new RtaRevokedEventArgs
        {
            Reason = RtaRevocationReasons.AdminRevoked,
            EventSequence = 7,
            EventTime = now.AddMilliseconds(-5),
            ReceivedAt = now.AddMilliseconds(-2),
            Pushed = true,
        });
        await running.WaitAsync(TestTimeouts.Default);

        var report = worker.Record.ToReport(expectedToStop: true);
        Assert.Equal(AgentOutcome.Stopped, report.Outcome);
        var revocation = Assert.IsType<RevocationReport>(report.Revocation);
        Assert.Equal((RtaRevocationReasons.AdminRevoked, 7L, true), (revocation.Reason, revocation.EventSequence!.Value, revocation.Pushed));
        Assert.Equal(3, revocation.EventToReceiveMs!.Value, precision: 6);
        Assert.Equal(5, revocation.EventToStopMs!.Value, precision: 6);
        Assert.Equal(now, revocation.StoppedAt);
    }

    [Fact]
    public async Task Run_RevokedWhileAnAllowIsOnItsWay_DoesNotAct()
    {
        var decision = new TaskCompletionSource<RtaAuthorizationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var session = new FakeAgentSession("data-writer-1", (_, _) => decision.Task);
        var worker = Worker(session, ActionBudget.Unlimited, interval: TimeSpan.Zero);

        var running = worker.RunAsync(CancellationToken.None);
        await session.WhenCalls(1).WaitAsync(TestTimeouts.Default);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = session.LastToken.Register(() => cancelled.TrySetResult());
        session.Revoke(new RtaRevokedEventArgs { Reason = RtaRevocationReasons.AdminRevoked, ReceivedAt = _time.GetUtcNow(), Pushed = true, EventTime = _time.GetUtcNow() });
        await cancelled.Task.WaitAsync(TestTimeouts.Default);
        decision.SetResult(new RtaAuthorizationResult(true, "allowed", null));
        await running.WaitAsync(TestTimeouts.Default);

        var report = worker.Record.ToReport(expectedToStop: true);
        Assert.Equal(AgentOutcome.Stopped, report.Outcome);
        Assert.Equal(1, report.Decisions.AllowedAfterTrigger);
        Assert.Equal(0, report.PerformedAfterTrigger);
        Assert.Null(report.LastPerformedAt);
    }

    [Fact]
    public async Task Run_SdkDeniesLocallyAfterTheSessionEnded_StopsWithoutAPushedEvent()
    {
        var session = new FakeAgentSession("policy-reader-1",
            (_, _) => Task.FromResult(new RtaAuthorizationResult(false, RtaRevocationReasons.SessionRevoked, null) { DecidedLocally = true }));
        var worker = Worker(session, ActionBudget.Unlimited, interval: TimeSpan.Zero);

        await worker.RunAsync(CancellationToken.None).WaitAsync(TestTimeouts.Default);

        var report = worker.Record.ToReport(expectedToStop: true);
        Assert.Equal(AgentOutcome.Stopped, report.Outcome);
        Assert.Equal(RtaRevocationReasons.SessionRevoked, report.Revocation!.Reason);
        Assert.False(report.Revocation.Pushed);
        Assert.Null(report.Revocation.EventToStopMs);
    }

    [Fact]
    public async Task Run_AuthorizeCallFails_CountsTheErrorDoesNotActAndGoesOn()
    {
        var session = new FakeAgentSession("policy-reader-1", (_, call) => call == 1
            ? Task.FromException<RtaAuthorizationResult>(new HttpRequestException("connection refused"))
            : Task.FromResult(new RtaAuthorizationResult(true, "allowed", null)));
        var worker = Worker(session, new ActionBudget(3), interval: TimeSpan.Zero);
        using var endOfRun = new CancellationTokenSource();

        var running = worker.RunAsync(endOfRun.Token);
        await session.WhenCalls(3).WaitAsync(TestTimeouts.Default);
        await endOfRun.CancelAsync();
        await running.WaitAsync(TestTimeouts.Default);

        var report = worker.Record.ToReport(expectedToStop: false);
        Assert.Equal(AgentOutcome.Continued, report.Outcome);
        Assert.Equal(1, report.Errors);
        Assert.Equal(2, report.Decisions.Allowed);
    }

    [Fact]
    public void ActionBudget_Limit_TakesExactlyThatManyAndThenCompletesExhausted()
    {
        var budget = new ActionBudget(2);

        var taken = Enumerable.Range(0, 4).Select(_ => budget.TryTake()).ToList();

        Assert.Equal([true, true, false, false], taken);
        Assert.True(budget.Exhausted.IsCompletedSuccessfully);
        Assert.Equal(2, budget.Taken);
    }

    public void Dispose() => _telemetry.Dispose();

    private AgentWorker Worker(FakeAgentSession session, IActionBudget budget, TimeSpan interval) =>
        new(session, ReadsAndWrites, new AgentWorkerSettings { Interval = interval }, _triggered, budget, _telemetry, _time, NullLogger.Instance);
}
