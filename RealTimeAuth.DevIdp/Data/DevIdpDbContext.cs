using Microsoft.EntityFrameworkCore;

namespace RealTimeAuth.DevIdp.Data;

/// <summary>
/// The dev IdP's own SQLite store: OpenIddict's applications, authorizations, scopes and tokens.
/// Throwaway development data; nothing else in RealTimeAuth reads it.
/// </summary>
public sealed class DevIdpDbContext(DbContextOptions<DevIdpDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
    }
}
