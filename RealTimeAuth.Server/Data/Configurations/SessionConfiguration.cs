using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<SessionEntity>
{
    public void Configure(EntityTypeBuilder<SessionEntity> builder)
    {
        // Room on each page for a token refresh (token_sequence, in no index) to be a heap-only update.
        builder.ToTable("sessions").HasStorageParameter("fillfactor", 80);
        builder.HasKey(session => session.Id);
        builder.Property(session => session.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(session => session.ParentId).HasColumnName("parent_id");
        builder.Property(session => session.RootId).HasColumnName("root_id");
        builder.Property(session => session.Depth).HasColumnName("depth");
        builder.Property(session => session.Issuer).HasColumnName("issuer").HasMaxLength(2048);
        builder.Property(session => session.Subject).HasColumnName("subject").HasMaxLength(512);
        builder.Property(session => session.ClientId).HasColumnName("client_id").HasMaxLength(256);
        builder.Property(session => session.AgentId).HasColumnName("agent_id").HasMaxLength(256);
        builder.Property(session => session.AgentName).HasColumnName("agent_name").HasMaxLength(256);
        builder.Property(session => session.AgentKind).HasColumnName("agent_kind").HasMaxLength(128);
        builder.Property(session => session.AgentSoftware).HasColumnName("agent_software").HasMaxLength(256);
        builder.Property(session => session.Scopes).HasColumnName("scopes");
        builder.Property(session => session.Context).HasColumnName("context").HasColumnType("jsonb");
        builder.Property(session => session.ContextHash).HasColumnName("context_hash");
        builder.Property(session => session.TokenSequence).HasColumnName("token_sequence");
        builder.Property(session => session.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(session => session.RevocationReason).HasColumnName("revocation_reason").HasMaxLength(64);
        builder.Property(session => session.RevocationDetail).HasColumnName("revocation_detail").HasMaxLength(1024);
        builder.Property(session => session.CreatedAt).HasColumnName("created_at");
        builder.Property(session => session.UpdatedAt).HasColumnName("updated_at");
        builder.Property(session => session.RevokedAt).HasColumnName("revoked_at");
        // The IdP session (sid) a CAEP session-revoked event names.
        builder.Property(session => session.IdpSessionId).HasColumnName("idp_session_id").HasMaxLength(512);
        builder.Property(session => session.KeyThumbprint).HasColumnName("key_thumbprint").HasMaxLength(43);
        builder.Property(session => session.KeyChain).HasColumnName("key_chain");
        builder.Property(session => session.ExpiresAt).HasColumnName("expires_at");
        builder.Property(session => session.IdleTimeout).HasColumnName("idle_timeout");
        builder.Property(session => session.IdleExpiresAt).HasColumnName("idle_expires_at");

        builder.HasOne<SessionEntity>().WithMany().HasForeignKey(session => session.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(session => new { session.Issuer, session.Subject });
        builder.HasIndex(session => session.ParentId);
        builder.HasIndex(session => session.RootId);
        // A user's live sessions, which every user-wide revocation and context change looks up. A user's revoked
        // sessions pile up over time; the plain (issuer, subject) index made each lookup scan them all.
        builder.HasIndex(session => new { session.Issuer, session.Subject }, "IX_sessions_active_by_subject").HasFilter("status = 'Active'");
        builder.HasIndex(session => session.IdpSessionId);
        // What the expiry sweep looks for: live sessions past one of their lifetimes (ADR 0018).
        builder.HasIndex(session => session.ExpiresAt, "IX_sessions_active_by_expiry").HasFilter("status = 'Active'");
        builder.HasIndex(session => session.IdleExpiresAt, "IX_sessions_active_by_idle_expiry").HasFilter("status = 'Active'");
    }
}
