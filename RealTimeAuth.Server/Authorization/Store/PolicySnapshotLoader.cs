using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Files;
using RealTimeAuth.Policies.Resources;
using RealTimeAuth.Policies.Schema;
using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// Compiles stored versions into <see cref="PolicySnapshot"/>s: the active policy version with the newest
/// directory import, or any version for what-if. Decisions carry the version number as their policy version.
/// </summary>
public static class PolicySnapshotLoader
{
    /// <summary>The active version with the newest subject and resource directories, or null when no version is active.</summary>
    public static async Task<PolicySnapshot?> LoadActiveAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = await db.PolicyVersions.AsNoTracking()
            .FirstOrDefaultAsync(version => version.Status == PolicyVersionStatuses.Active, cancellationToken);
        return active is null
            ? null
            : Compile(active, await LoadDirectoryAsync(db, cancellationToken)) with { Resources = await LoadResourcesAsync(db, cancellationToken) };
    }

    /// <summary>The newest imported resource directory, or an empty one.</summary>
    public static async Task<ResourceDirectory> LoadResourcesAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.ResourceDirectoryVersions.AsNoTracking()
            .OrderByDescending(version => version.Version)
            .Select(version => version.Document)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return ResourceDirectory.Empty;
        }

        var import = ResourceDirectoryFile.Import(latest);
        return import.Directory ?? throw new InvalidOperationException(
            $"The stored resource directory no longer imports: {string.Join("; ", import.Diagnostics)}");
    }

    /// <summary>The newest imported directory, or an empty one.</summary>
    public static async Task<SubjectDirectory> LoadDirectoryAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.SubjectDirectoryVersions.AsNoTracking()
            .OrderByDescending(version => version.Version)
            .Select(version => version.Document)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return SubjectDirectory.Empty;
        }

        var import = SubjectDirectoryFile.Import(latest);
        return import.Directory ?? throw new InvalidOperationException(
            $"The stored subject directory no longer imports: {string.Join("; ", import.Diagnostics)}");
    }

    /// <summary>Compiles a stored version; it was valid when stored, so a failure here is a schema change and throws.</summary>
    public static PolicySnapshot Compile(PolicyVersionEntity version, SubjectDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(version);
        var file = PolicyFile.Read(version.Document);
        var compilation = file.Succeeded
            ? PolicyCompiler.Compile(file.Document, AttributeSchema.Default, version.Version.ToString(CultureInfo.InvariantCulture))
            : null;
        if (compilation?.PolicySet is not { } set)
        {
            var diagnostics = compilation?.Diagnostics ?? file.Diagnostics;
            throw new InvalidOperationException($"Stored policy version {version.Version} no longer compiles: {string.Join("; ", diagnostics)}");
        }

        return new PolicySnapshot(set, file.Document!, directory);
    }
}
