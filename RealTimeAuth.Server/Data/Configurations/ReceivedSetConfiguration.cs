using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class ReceivedSetConfiguration : IEntityTypeConfiguration<ReceivedSetEntity>
{
    public void Configure(EntityTypeBuilder<ReceivedSetEntity> builder)
    {
        builder.ToTable("ssf_received_sets");
        builder.HasKey(set => set.Id);
        builder.Property(set => set.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(set => set.StreamId).HasColumnName("stream_id");
        builder.Property(set => set.Issuer).HasColumnName("issuer").HasMaxLength(2048);
        builder.Property(set => set.Jti).HasColumnName("jti").HasMaxLength(256);
        builder.Property(set => set.EventType).HasColumnName("event_type").HasMaxLength(512);
        builder.Property(set => set.SubjectFormat).HasColumnName("subject_format").HasMaxLength(64);
        builder.Property(set => set.Raw).HasColumnName("raw");
        builder.Property(set => set.Claims).HasColumnName("claims");
        builder.Property(set => set.IssuedAt).HasColumnName("issued_at");
        builder.Property(set => set.ReceivedAt).HasColumnName("received_at");
        builder.Property(set => set.Delivery).HasColumnName("delivery").HasMaxLength(16);
        builder.Property(set => set.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(set => set.Effect).HasColumnName("effect").HasMaxLength(64);
        builder.Property(set => set.EffectDetail).HasColumnName("effect_detail").HasColumnType("jsonb");
        builder.Property(set => set.AppliedAt).HasColumnName("applied_at");
        builder.Property(set => set.Attempts).HasColumnName("attempts");
        builder.Property(set => set.LastError).HasColumnName("last_error").HasMaxLength(1024);
        builder.Property(set => set.Redeliveries).HasColumnName("redeliveries");

        builder.HasOne<SsfStreamEntity>().WithMany().HasForeignKey(set => set.StreamId).OnDelete(DeleteBehavior.Restrict);
        // RFC 8417 §2.2: a jti is unique per issuer; this index is the replay check.
        builder.HasIndex(set => new { set.Issuer, set.Jti }).IsUnique();
        builder.HasIndex(set => set.Id).HasFilter("status = 'pending'").HasDatabaseName("ix_ssf_received_sets_pending");
        builder.HasIndex(set => set.ReceivedAt);
    }
}
