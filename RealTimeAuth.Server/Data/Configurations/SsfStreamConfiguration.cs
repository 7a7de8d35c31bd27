using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class SsfStreamConfiguration : IEntityTypeConfiguration<SsfStreamEntity>
{
    public void Configure(EntityTypeBuilder<SsfStreamEntity> builder)
    {
        builder.ToTable("ssf_streams");
        builder.HasKey(stream => stream.Id);
        builder.Property(stream => stream.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(stream => stream.Issuer).HasColumnName("issuer").HasMaxLength(2048);
        builder.Property(stream => stream.Audience).HasColumnName("audience").HasMaxLength(2048);
        builder.Property(stream => stream.TransmitterStreamId).HasColumnName("transmitter_stream_id").HasMaxLength(256);
        builder.Property(stream => stream.DeliveryMethod).HasColumnName("delivery_method").HasMaxLength(64);
        builder.Property(stream => stream.JwksUri).HasColumnName("jwks_uri").HasMaxLength(2048);
        builder.Property(stream => stream.MetadataAddress).HasColumnName("metadata_address").HasMaxLength(2048);
        builder.Property(stream => stream.RequireHttps).HasColumnName("require_https");
        builder.Property(stream => stream.PushAuthorizationHash).HasColumnName("push_authorization_hash");
        builder.Property(stream => stream.SubjectIssuers).HasColumnName("subject_issuers");
        builder.Property(stream => stream.AllowedClaims).HasColumnName("allowed_claims");
        builder.Property(stream => stream.EventsRequested).HasColumnName("events_requested");
        builder.Property(stream => stream.EventsDelivered).HasColumnName("events_delivered");
        builder.Property(stream => stream.Description).HasColumnName("description").HasMaxLength(1024);
        builder.Property(stream => stream.Source).HasColumnName("source").HasMaxLength(32);
        builder.Property(stream => stream.Enabled).HasColumnName("enabled");
        builder.Property(stream => stream.TransmitterStatus).HasColumnName("transmitter_status").HasMaxLength(16);
        builder.Property(stream => stream.TransmitterStatusReason).HasColumnName("transmitter_status_reason").HasMaxLength(1024);
        builder.Property(stream => stream.PendingVerificationState).HasColumnName("pending_verification_state").HasMaxLength(1024);
        builder.Property(stream => stream.LastVerificationState).HasColumnName("last_verification_state").HasMaxLength(1024);
        builder.Property(stream => stream.LastVerifiedAt).HasColumnName("last_verified_at");
        builder.Property(stream => stream.CreatedAt).HasColumnName("created_at");
        builder.Property(stream => stream.UpdatedAt).HasColumnName("updated_at");
        builder.Property(stream => stream.ConfiguredAt).HasColumnName("configured_at");
        builder.HasIndex(stream => new { stream.Issuer, stream.Audience }).IsUnique();
    }
}
