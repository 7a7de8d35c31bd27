using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class SubjectStatusConfiguration : IEntityTypeConfiguration<SubjectStatusEntity>
{
    public void Configure(EntityTypeBuilder<SubjectStatusEntity> builder)
    {
        builder.ToTable("subject_status");
        builder.HasKey(subject => new { subject.Format, subject.Issuer, subject.Value, subject.SetBy });
        builder.Property(subject => subject.Format).HasColumnName("format").HasMaxLength(32);
        builder.Property(subject => subject.Issuer).HasColumnName("issuer").HasMaxLength(2048);
        builder.Property(subject => subject.Value).HasColumnName("value").HasMaxLength(512);
        builder.Property(subject => subject.SetBy).HasColumnName("set_by").HasMaxLength(2048);
        builder.Property(subject => subject.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(subject => subject.Reason).HasColumnName("reason").HasMaxLength(1024);
        builder.Property(subject => subject.EventType).HasColumnName("event_type").HasMaxLength(512);
        builder.Property(subject => subject.Jti).HasColumnName("jti").HasMaxLength(256);
        builder.Property(subject => subject.UpdatedAt).HasColumnName("updated_at");
    }
}
