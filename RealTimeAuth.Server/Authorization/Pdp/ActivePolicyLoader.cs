using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Files;
using RealTimeAuth.Policies.Resources;
using RealTimeAuth.Policies.Schema;
using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Server.Authorization.Store;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>
/// Makes the stored active policy version the <see cref="ActivePolicy"/> before the server serves. PostgreSQL is
/// the source of truth: only when it has no active version and <c>Policies:File</c> is set are the file (and
/// <c>Policies:DirectoryFile</c>) imported, as version 1 published by <c>configuration</c>; an invalid file then
/// fails the start with the rule and position. Later, a file that differs from the active version is logged and
/// ignored. Without either, decisions stay scope-only. <c>Policies:ResourceDirectoryFile</c> is imported, checked the
/// same way, when the database holds no resource directory yet.
/// </summary>
internal sealed partial class ActivePolicyLoader(
    ActivePolicy active,
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationState migrations,
    IOptions<PolicyOptions> options,
    IHostEnvironment environment,
    ILogger<ActivePolicyLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await migrations.Completion.WaitAsync(cancellationToken);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        if (!string.IsNullOrWhiteSpace(settings.File))
        {
            await SeedOrCompareAsync(scope.ServiceProvider, db, settings, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(settings.ResourceDirectoryFile))
        {
            await SeedResourcesAsync(scope.ServiceProvider, settings.ResourceDirectoryFile, cancellationToken);
        }

        var snapshot = await PolicySnapshotLoader.LoadActiveAsync(db, cancellationToken);
        active.Update(snapshot);
        if (snapshot is null)
        {
            LogNoPolicy(logger);
            return;
        }

        LogLoaded(logger, snapshot.Version, snapshot.PolicySet.RuleIds.Length, snapshot.Directory.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedOrCompareAsync(IServiceProvider services, RtaDbContext db, PolicyOptions settings, CancellationToken cancellationToken)
    {
        var policyPath = Path.GetFullPath(settings.File!, environment.ContentRootPath);
        var policyText = await File.ReadAllTextAsync(policyPath, cancellationToken);
        var directoryText = string.IsNullOrWhiteSpace(settings.DirectoryFile)
            ? null
            : await File.ReadAllTextAsync(Path.GetFullPath(settings.DirectoryFile, environment.ContentRootPath), cancellationToken);

        var stored = await db.PolicyVersions.AsNoTracking()
            .Where(row => row.Status == PolicyVersionStatuses.Active)
            .Select(row => new { row.Version, row.Document })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            if (!string.Equals(stored.Document, policyText, StringComparison.Ordinal))
            {
                LogFileDiffers(logger, policyPath, stored.Version);
            }

            return;
        }

        Check(policyPath, policyText, directoryText);
        if (await services.GetRequiredService<PolicyStoreService>().SeedAsync(policyText, directoryText, cancellationToken))
        {
            LogSeeded(logger, policyPath);
        }
    }

    private async Task SeedResourcesAsync(IServiceProvider services, string file, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file, environment.ContentRootPath);
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        Fail("Policies:ResourceDirectoryFile", path, ResourceDirectoryFile.Import(text).Diagnostics);
        if (await services.GetRequiredService<ResourceDirectoryStore>().SeedAsync(text, cancellationToken))
        {
            LogResourcesSeeded(logger, path);
        }
    }

    private void Check(string policyPath, string policyText, string? directoryText)
    {
        var file = PolicyFile.Read(policyText);
        var compilation = file.Succeeded ? PolicyCompiler.Compile(file.Document, AttributeSchema.Default, string.Empty) : null;
        Fail("Policies:File", policyPath, compilation?.Diagnostics ?? file.Diagnostics);
        if (directoryText is not null)
        {
            Fail("Policies:DirectoryFile", "directory", SubjectDirectoryFile.Import(directoryText).Diagnostics);
        }
    }

    private void Fail(string key, string path, IReadOnlyCollection<PolicyDiagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        foreach (var diagnostic in diagnostics)
        {
            LogDiagnostic(logger, key, diagnostic.ToString());
        }

        throw new InvalidOperationException($"The file set in '{key}' ({path}) is invalid: {string.Join("; ", diagnostics)}");
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "No active policy version and no 'Policies:File' configured: live decisions are scope-only.")]
    private static partial void LogNoPolicy(ILogger logger);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Policy version {Version} active: {Rules} rules, {Subjects} directory subjects.")]
    private static partial void LogLoaded(ILogger logger, string version, int rules, int subjects);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "{Key}: {Diagnostic}")]
    private static partial void LogDiagnostic(ILogger logger, string key, string diagnostic);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "No active policy version in the database: imported {Path} as the first version, published by 'configuration'.")]
    private static partial void LogSeeded(ILogger logger, string path);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Policies:File {Path} differs from the active policy version {Version}; the database is the source of truth and the file is ignored. Publish it through the admin API to use it.")]
    private static partial void LogFileDiffers(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "No resource directory in the database: imported {Path} as the first version, by 'configuration'.")]
    private static partial void LogResourcesSeeded(ILogger logger, string path);
}
