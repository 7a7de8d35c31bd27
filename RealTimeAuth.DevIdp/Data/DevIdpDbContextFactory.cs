using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RealTimeAuth.DevIdp.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the web host.
/// </summary>
internal sealed class DevIdpDbContextFactory : IDesignTimeDbContextFactory<DevIdpDbContext>
{
    public DevIdpDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DevIdpDbContext>()
            .UseSqlite("Data Source=devidp-design.db")
            .Options);
}
