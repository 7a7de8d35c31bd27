using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Authorization.Store;
using RealTimeAuth.Server.Authorization.Store.Admin;
using RealTimeAuth.Server.Authorization.WhatIf;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Hosting;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization;

/// <summary>
/// The policy decision point and everything around it: the active policy (versions in PostgreSQL, seeded from
/// <c>Policies:File</c>, replicated through the event log) with its subject and resource directories, the live channel's decider (scopes, and the policy when one
/// is active), re-evaluation of live sessions on publish, what-if, and the decision audit.
/// </summary>
public static class AuthorizationModule
{
    public static IHostApplicationBuilder AddAuthorizationModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<PolicyOptions>(builder.Configuration, PolicyOptions.SectionName);
        services.AddSingleton<ActivePolicy>();
        services.AddHostedService<ActivePolicyLoader>();
        services.AddSingleton<IAuthorizationDecider, PolicyAuthorizationDecider>();
        services.AddSingleton<SessionAuthorizer>();

        services.AddSingleton<SessionPermissions>();
        services.AddSingleton<ISessionPermissionPolicy, ActivePolicyPermissions>();
        services.AddSingleton<IEventLogObserver, PolicyStateObserver>();
        services.AddScoped<PolicyStoreService>();
        services.AddScoped<ResourceDirectoryStore>();
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

    /// <summary>Maps <c>/admin/v1/policies</c>, <c>/admin/v1/directory</c>, <c>/admin/v1/resources</c> and <c>/admin/v1/audit/decisions</c>.</summary>
    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPolicyAdminApi().MapDirectoryAdminApi().MapResourceDirectoryAdminApi().MapDecisionAuditApi();
}
