using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKeyEntity>
{
    public void Configure(EntityTypeBuilder<SigningKeyEntity> builder)
    {
        builder.ToTable("signing_keys");
        builder.HasKey(key => key.KeyId);
        builder.Property(key => key.KeyId).HasColumnName("key_id").ValueGeneratedNever();
        builder.Property(key => key.PublicKey).HasColumnName("public_key").IsRequired();
        builder.Property(key => key.PrivateKey).HasColumnName("private_key");
        builder.Property(key => key.CreatedAt).HasColumnName("created_at");
        builder.Property(key => key.ActivatedAt).HasColumnName("activated_at");
        builder.Property(key => key.RetiredAt).HasColumnName("retired_at");
        builder.Property(key => key.RemovedAt).HasColumnName("removed_at");
        builder.ToTable(table => table.HasCheckConstraint("ck_signing_keys_key_id", "key_id BETWEEN 0 AND 65535"));
    }
}
