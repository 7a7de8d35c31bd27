namespace RealTimeAuth.Sdk.Tests;

internal static class ClientStates
{
    /// <summary>Completes when <paramref name="client"/> is in <paramref name="state"/>, whether it got there before or after the call.</summary>
    public static async Task WaitForStateAsync(this RtaClient client, RtaConnectionState state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, RtaConnectionStateChangedEventArgs args)
        {
            if (args.State == state)
            {
                reached.TrySetResult();
            }
        }

        client.ConnectionStateChanged += OnChanged;
        try
        {
            if (client.State == state)
            {
                return;
            }

            await reached.Task.WaitAsync(TestTimeouts.Default);
        }
        finally
        {
            client.ConnectionStateChanged -= OnChanged;
        }
    }
}
