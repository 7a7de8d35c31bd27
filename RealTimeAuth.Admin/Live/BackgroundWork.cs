namespace RealTimeAuth.Admin.Live;

/// <summary>
/// Work a component starts from a stream callback or a timer, where nobody awaits it: an exception would be lost
/// with the task. It goes to <c>onFailure</c> instead, which components set to <c>ComponentBase.DispatchExceptionAsync</c>
/// so the circuit's error UI shows it as if a lifecycle method had thrown.
/// </summary>
internal static class BackgroundWork
{
    public static async Task RunAsync(Func<Task> work, Func<Exception, Task> onFailure)
    {
        try
        {
            await work();
        }
        catch (Exception exception)
        {
            await onFailure(exception);
        }
    }
}
