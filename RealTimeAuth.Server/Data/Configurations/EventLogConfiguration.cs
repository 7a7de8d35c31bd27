using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class EventLogConfiguration : IEntityTypeConfiguration<EventLogRecord>
{
    public void Configure(EntityTypeBuilder<EventLogRecord> builder)
    {
        builder.ToTable("event_log");
        builder.HasKey(entry => entry.Sequence);
        builder.Property(entry => entry.Sequence).HasColumnName("sequence").UseIdentityByDefaultColumn();
        builder.Property(entry => entry.Type).HasColumnName("type").HasMaxLength(64);
        builder.Property(entry => entry.OccurredAt).HasColumnName("occurred_at");
        builder.Property(entry => entry.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(entry => entry.Actor).HasColumnName("actor").HasMaxLength(512);
        builder.Property(entry => entry.TraceParent).HasColumnName("trace_parent").HasMaxLength(64);
        builder.Property(entry => entry.Origin).HasColumnName("origin").HasMaxLength(128);
        builder.HasIndex(entry => entry.OccurredAt);
    }
}
