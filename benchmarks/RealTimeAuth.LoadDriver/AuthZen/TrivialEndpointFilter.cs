using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace RealTimeAuth.LoadDriver.AuthZen;

/// <summary>
/// The baseline: <c>POST /bench/trivial</c> reads the request body and answers <c>{"decision":true}</c> as JSON, at the
/// front of the same server's pipeline, so the AuthZEN run is compared with Kestrel, HTTP parsing and a JSON answer alone.
/// </summary>
internal sealed class TrivialEndpointFilter : IStartupFilter
{
    public const string Path = "/bench/trivial";

    private static readonly byte[] Answer = """{"decision":true}"""u8.ToArray();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (!context.Request.Path.Equals(Path, StringComparison.Ordinal))
            {
                await following(context);
                return;
            }

            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Answer, context.RequestAborted);
        });
        next(app);
    };
}
