using Microsoft.Extensions.DependencyInjection.Extensions;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Authorization.Store;
using RealTimeAuth.Server.Authorization.Store.Admin;
using RealTimeAuth.Server.Authorization.WhatIf;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Extensions;

public static class PolicyStoreExtensions
{
    /// <summary>
    /// Versioned policies and the subject directory in PostgreSQL (replicated through the event log), re-evaluation
    /// of live sessions on publish, what-if, and the decision audit (options <c>DecisionAudit</c>, validated at start).
    /// Needs <c>AddSessionCore</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPolicyStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<ActivePolicy>();
        services.TryAddSingleton<SessionPermissions>();
        services.AddSingleton<IEventLogObserver, PolicyStateObserver>();
        services.AddScoped<PolicyStoreService>();
        services.AddScoped<SessionReevaluator>();
        services.AddSingleton<PolicyReconciliation>();
        services.AddHostedService(provider => provider.GetRequiredService<PolicyReconciliation>());
        services.AddScoped<PolicyWhatIf>();

        services.AddValidatedOptions<DecisionAuditOptions>(builder.Configuration, DecisionAuditOptions.SectionName);
        services.AddSingleton<DecisionAuditMetrics>();
        services.AddSingleton<RecentDecisionRing>();
        services.AddSingleton<DecisionRecorder>();
        services.AddHostedService<DecisionAuditWriter>();
        services.AddSingleton<DecisionAuditRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<DecisionAuditRetention>());
        return builder;
    }

    /// <summary>Maps <c>/admin/v1/policies</c>, <c>/admin/v1/directory</c> and <c>/admin/v1/audit/decisions</c>.</summary>
    public static WebApplication MapPolicyStore(this WebApplication app)
    {
        app.MapPolicyAdminApi();
        app.MapDirectoryAdminApi();
        app.MapDecisionAuditApi();
        return app;
    }
}
