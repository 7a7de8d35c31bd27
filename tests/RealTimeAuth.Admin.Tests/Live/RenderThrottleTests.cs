using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Admin.Live;

namespace RealTimeAuth.Admin.Tests.Live;

public sealed class RenderThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Render_Throws_ExceptionGoesToOnFailure_AndTheNextRequestRendersAgain()
    {
        var renders = 0;
        var failure = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new RenderThrottle(
            () =>
            {
                if (Interlocked.Increment(ref renders) == 1)
                {
                    throw new InvalidOperationException("render failed");
                }

                rendered.TrySetResult();
                return Task.CompletedTask;
            },
            Interval,
            exception =>
            {
                failure.TrySetResult(exception);
                return Task.CompletedTask;
            },
            _time);

        throttle.Request();
        _time.Advance(Interval);
        var exception = await failure.Task.WaitAsync(Wait.Render);
        throttle.Request();
        _time.Advance(Interval);
        await rendered.Task.WaitAsync(Wait.Render);

        Assert.Equal("render failed", Assert.IsType<InvalidOperationException>(exception).Message);
        Assert.Equal(2, renders);
    }

    [Fact]
    public async Task Request_BurstWithinInterval_RendersOnce()
    {
        var renders = 0;
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var throttle = new RenderThrottle(
            () =>
            {
                Interlocked.Increment(ref renders);
                rendered.TrySetResult();
                return Task.CompletedTask;
            },
            Interval,
            _ => Task.CompletedTask,
            _time);

        for (var index = 0; index < 100; index++)
        {
            throttle.Request();
        }

        _time.Advance(Interval);
        await rendered.Task.WaitAsync(Wait.Render);

        Assert.Equal(1, renders);
    }
}
