using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Hosting;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// Request limits (ADR 0019): body sizes per endpoint family (413), ASP.NET Core rate limiting per family and address
/// or admin (429 with <c>Retry-After</c>), and <see cref="CallerRateLimiter"/> for the endpoints to limit the caller
/// they authenticated; each refusal in the endpoint's own error shape and counted.
/// </summary>
public static class LimitsModule
{
    public static IHostApplicationBuilder AddLimits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<RequestLimitOptions>(builder.Configuration, RequestLimitOptions.SectionName);
        services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, CallerOverridesValidator>();
        services.AddSingleton<RequestLimitMetrics>();
        services.AddSingleton<CallerRateLimiter>();
        services.AddSingleton<RateLimitPartitions>();
        services.AddOptions<GrpcServiceOptions>()
            .Configure<IOptions<RequestLimitOptions>>((grpc, limits) => grpc.MaxReceiveMessageSize = limits.Value.GrpcMessageBytes);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitPartitions, RequestLimitMetrics>((limiter, partitions, metrics) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(partitions.For);
            limiter.OnRejected = (rejected, _) => RejectAsync(rejected, metrics);
        });
        return builder;
    }

    /// <summary>After authorization, so an admin write is limited per authenticated admin.</summary>
    public static IApplicationBuilder UseLimits(this IApplicationBuilder app) =>
        app.UseRateLimiter().UseMiddleware<RequestBodyLimitMiddleware>();

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RequestLimitMetrics metrics)
    {
        var context = rejected.HttpContext;
        var family = RequestFamilies.Of(context.Request);
        metrics.RateRejected(family, RateLimitPartitions.KindOf(context, family));
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await LimitRefusals.WriteAsync(context, family, StatusCodes.Status429TooManyRequests, RequestLimitReasons.RateLimited,
            $"Too many requests; retry after {seconds} s.");
    }
}
