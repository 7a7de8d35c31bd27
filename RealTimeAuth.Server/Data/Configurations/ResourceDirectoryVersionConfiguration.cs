using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class ResourceDirectoryVersionConfiguration : IEntityTypeConfiguration<ResourceDirectoryVersionEntity>
{
    public void Configure(EntityTypeBuilder<ResourceDirectoryVersionEntity> builder)
    {
        builder.ToTable("resource_directory_versions");
        builder.HasKey(version => version.Version);
        builder.Property(version => version.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(version => version.Document).HasColumnName("document");
        builder.Property(version => version.ResourceCount).HasColumnName("resource_count");
        builder.Property(version => version.ImportedBy).HasColumnName("imported_by").HasMaxLength(512);
        builder.Property(version => version.ImportedAt).HasColumnName("imported_at");
    }
}
