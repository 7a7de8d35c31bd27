using System.Text.Json;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>
/// The server side of the driver, run as a child process by <see cref="ServerProcess"/>: one RTA server replica
/// (<see cref="ServerHost"/>, the server's own Program on real Kestrel) configured by the JSON settings on the first
/// line of standard input. It then answers commands on standard input with marked lines on standard output:
/// <c>memory</c> (collect, then report <see cref="ServerMemory"/>), <c>gc</c> (report <see cref="ServerGc"/>),
/// <c>sample</c> (report <see cref="ServerSample"/> without collecting) and
/// <c>stop</c> (or end of input).
/// </summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    public static async Task<int> RunAsync()
    {
        var line = await Console.In.ReadLineAsync();
        var settings = line is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(line);
        if (settings is null)
        {
            Reply("failed the first line of standard input must be the replica's settings as a JSON object");
            return 1;
        }

        ServerHost host;
        try
        {
            host = await LoopbackPort.StartWithRetryAsync(() => new ServerHost("A", settings), replica => replica.StartAsync());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Reply($"failed {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")}");
            return 1;
        }

        await using (host)
        {
            Reply($"ready {host.HttpPort} {host.GrpcPort}");
            while (await Console.In.ReadLineAsync() is { } command && command != "stop")
            {
                Reply(command switch
                {
                    "memory" => $"memory {ServerMemory.MeasureThisProcess().Format()}",
                    "gc" => $"gc {ServerGc.MeasureThisProcess().Format()}",
                    "sample" => $"sample {ServerSample.MeasureThisProcess().Format()}",
                    _ => $"failed unknown command '{command}'",
                });
            }
        }

        Reply("stopped");
        return 0;
    }

    private static void Reply(string text) => Console.Out.WriteLine(ServerProcess.Marker + text);
}
