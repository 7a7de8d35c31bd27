using Microsoft.EntityFrameworkCore;
using RealTimeAuth.DevIdp.SharedSignals;

namespace RealTimeAuth.DevIdp.Data;

/// <summary>
/// The dev IdP's own SQLite store: OpenIddict's applications, authorizations, scopes and tokens,
/// and the Shared Signals transmitter's streams, outbox and disabled users.
/// Throwaway development data; nothing else in RealTimeAuth reads it.
/// </summary>
public sealed class DevIdpDbContext(DbContextOptions<DevIdpDbContext> options) : DbContext(options)
{
    public DbSet<SsfStreamRecord> SsfStreams => Set<SsfStreamRecord>();

    public DbSet<SsfOutboxRecord> SsfOutbox => Set<SsfOutboxRecord>();

    public DbSet<SsfSubjectRecord> SsfSubjects => Set<SsfSubjectRecord>();

    public DbSet<DisabledUserRecord> DisabledUsers => Set<DisabledUserRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        SsfModel.Configure(modelBuilder);
    }
}
