using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>
/// The admin console's Server-Sent Events stream: <c>log</c> (one entry) or <c>logs</c> (a coalesced batch),
/// <c>stats</c> once a second, and a comment heartbeat every 15 s so proxies keep the connection.
/// </summary>
internal sealed class AdminStreamResult(AdminEventFeed feed) : IResult
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        using var subscription = feed.Subscribe();
        await WriteAsync(response, ": connected\n\n", cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(Heartbeat);
                MonitorMessage message;
                try
                {
                    message = await subscription.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
                    continue;
                }

                await WriteAsync(response, Format(message), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The console went away.
        }
    }

    internal static string Format(MonitorMessage message) => message switch
    {
        MonitorMessage.Logs { Entries.Count: 1 } logs => Event("log", JsonSerializer.Serialize(logs.Entries[0], Json)),
        MonitorMessage.Logs logs => Event("logs", JsonSerializer.Serialize(logs.Entries, Json)),
        MonitorMessage.Stats stats => Event("stats", JsonSerializer.Serialize(stats.Value, Json)),
        _ => string.Empty,
    };

    private static string Event(string type, string json) => $"event: {type}\ndata: {json}\n\n";

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
