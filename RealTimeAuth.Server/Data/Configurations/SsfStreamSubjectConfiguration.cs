using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class SsfStreamSubjectConfiguration : IEntityTypeConfiguration<SsfStreamSubjectEntity>
{
    public void Configure(EntityTypeBuilder<SsfStreamSubjectEntity> builder)
    {
        builder.ToTable("ssf_stream_subjects");
        builder.HasKey(subject => subject.Id);
        builder.Property(subject => subject.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(subject => subject.StreamId).HasColumnName("stream_id");
        builder.Property(subject => subject.Subject).HasColumnName("subject").HasColumnType("jsonb");
        builder.Property(subject => subject.Verified).HasColumnName("verified");
        builder.Property(subject => subject.AddedAt).HasColumnName("added_at");
        builder.HasOne<SsfStreamEntity>().WithMany().HasForeignKey(subject => subject.StreamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(subject => subject.StreamId);
    }
}
