using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealTimeAuth.DevIdp.Tests.SharedSignals;

/// <summary>
/// An RFC 8935 receiver on real Kestrel that answers 503 to the first <c>failures</c> pushes, then 202, and records
/// each; with a <c>stall</c> it records a push and only answers after that long (a receiver that hangs).
/// </summary>
internal sealed class FlakyReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _remainingFailures;

    private FlakyReceiver(WebApplication app, int failures)
    {
        _app = app;
        _remainingFailures = failures;
    }

    public ConcurrentQueue<(long Timestamp, string? Authorization, string? ContentType, string Body, int Status)> Pushes { get; } = new();

    public string Endpoint { get; private set; } = string.Empty;

    public static async Task<FlakyReceiver> StartAsync(int failures, TimeSpan stall = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new FlakyReceiver(app, failures);
        app.MapPost("/events", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref receiver._remainingFailures) >= 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status202Accepted;
            receiver.Pushes.Enqueue((Stopwatch.GetTimestamp(), context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body, status));
            if (stall > TimeSpan.Zero)
            {
                await Task.Delay(stall, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = address.TrimEnd('/') + "/events";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
