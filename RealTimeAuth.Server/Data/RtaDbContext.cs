using Microsoft.EntityFrameworkCore;

namespace RealTimeAuth.Server.Data;

/// <summary>The server's PostgreSQL store: the source of truth for every replica.</summary>
public sealed class RtaDbContext(DbContextOptions<RtaDbContext> options) : DbContext(options)
{
    public DbSet<SigningKeyEntity> SigningKeys => Set<SigningKeyEntity>();

    public DbSet<SessionEntity> Sessions => Set<SessionEntity>();

    public DbSet<EventLogRecord> EventLog => Set<EventLogRecord>();

    public DbSet<SsfStreamEntity> SsfStreams => Set<SsfStreamEntity>();

    public DbSet<SsfStreamSubjectEntity> SsfStreamSubjects => Set<SsfStreamSubjectEntity>();

    public DbSet<ReceivedSetEntity> ReceivedSets => Set<ReceivedSetEntity>();

    public DbSet<SubjectStatusEntity> SubjectStatuses => Set<SubjectStatusEntity>();

    public DbSet<PolicyVersionEntity> PolicyVersions => Set<PolicyVersionEntity>();

    public DbSet<SubjectDirectoryVersionEntity> SubjectDirectoryVersions => Set<SubjectDirectoryVersionEntity>();

    public DbSet<ResourceDirectoryVersionEntity> ResourceDirectoryVersions => Set<ResourceDirectoryVersionEntity>();

    public DbSet<DecisionAuditEntity> DecisionAudit => Set<DecisionAuditEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RtaDbContext).Assembly);
}
