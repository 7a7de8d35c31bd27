using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersionEntity>
{
    public void Configure(EntityTypeBuilder<PolicyVersionEntity> builder)
    {
        builder.ToTable("policy_versions");
        builder.HasKey(version => version.Version);
        builder.Property(version => version.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(version => version.Name).HasColumnName("name").HasMaxLength(256);
        builder.Property(version => version.Description).HasColumnName("description").HasMaxLength(4096);
        builder.Property(version => version.Document).HasColumnName("document");
        builder.Property(version => version.RuleCount).HasColumnName("rule_count");
        builder.Property(version => version.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(version => version.CreatedBy).HasColumnName("created_by").HasMaxLength(512);
        builder.Property(version => version.CreatedAt).HasColumnName("created_at");
        builder.Property(version => version.Comment).HasColumnName("comment").HasMaxLength(4096);
        builder.Property(version => version.PublishedBy).HasColumnName("published_by").HasMaxLength(512);
        builder.Property(version => version.PublishedAt).HasColumnName("published_at");
        builder.Property(version => version.PublishReason).HasColumnName("publish_reason").HasMaxLength(4096);
        // At most one active version, enforced by the database as well as by the publish transaction.
        builder.HasIndex(version => version.Status).HasFilter("status = 'active'").IsUnique().HasDatabaseName("ix_policy_versions_one_active");
    }
}
