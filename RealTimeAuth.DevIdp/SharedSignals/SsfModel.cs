using Microsoft.EntityFrameworkCore;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>The transmitter's tables in the IdP's SQLite store.</summary>
internal static class SsfModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SsfStreamRecord>(stream =>
        {
            stream.ToTable("ssf_streams");
            stream.HasKey(row => row.Id);
            stream.HasIndex(row => row.OwnerClientId);
        });
        modelBuilder.Entity<SsfOutboxRecord>(outbox =>
        {
            outbox.ToTable("ssf_outbox");
            outbox.HasKey(row => row.Id);
            outbox.HasIndex(row => new { row.StreamId, row.Status, row.NextAttemptAt });
            outbox.HasIndex(row => new { row.StreamId, row.Jti }).IsUnique();
        });
        modelBuilder.Entity<SsfSubjectRecord>(subject =>
        {
            subject.ToTable("ssf_stream_subjects");
            subject.HasKey(row => row.Id);
            subject.HasIndex(row => new { row.StreamId, row.SubjectKey }).IsUnique();
        });
        modelBuilder.Entity<DisabledUserRecord>(user =>
        {
            user.ToTable("disabled_users");
            user.HasKey(row => row.SubjectId);
        });
    }
}
