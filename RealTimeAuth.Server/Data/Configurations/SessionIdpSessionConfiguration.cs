using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealTimeAuth.Server.Data.Configurations;

/// <summary>
/// The sessions table's IdP session column, which Shared Signals uses to revoke the sessions of one IdP
/// session (CAEP session-revoked). Kept apart from <see cref="SessionConfiguration"/>; EF applies both.
/// </summary>
internal sealed class SessionIdpSessionConfiguration : IEntityTypeConfiguration<SessionEntity>
{
    public void Configure(EntityTypeBuilder<SessionEntity> builder)
    {
        builder.Property(session => session.IdpSessionId).HasColumnName("idp_session_id").HasMaxLength(512);
        builder.HasIndex(session => session.IdpSessionId);
    }
}
